// Licensed under the MIT License. See LICENSE in the project root.
global using Xunit;
