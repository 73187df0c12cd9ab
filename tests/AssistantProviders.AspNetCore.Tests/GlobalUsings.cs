// Licensed under the MIT License. See LICENSE in the project root.
global using static AssistantProviders.AspNetCore.Tests.Http;
