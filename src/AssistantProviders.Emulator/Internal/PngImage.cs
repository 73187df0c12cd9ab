// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;

namespace AssistantProviders.Emulator.Internal;

/// <summary>
/// Small, valid PNG files written in code (8-bit RGB, zlib through <see cref="ZLibStream"/>, CRC-32 per chunk): the image the
/// emulator's image-generation routes return. Any wire may use it.
/// </summary>
internal static class PngImage
{
    /// <summary>The largest width or height drawn; larger requests are refused by the wires before they get here.</summary>
    public const int MaxSide = 4096;

    private static readonly uint[] CrcTable = BuildCrcTable();
    private static readonly ConcurrentDictionary<(int Width, int Height), byte[]> ShapesCache = new();

    /// <summary>The PNG signature (magic bytes).</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// A red circle, a blue square and a green triangle on white, at <paramref name="width"/> × <paramref name="height"/> pixels
    /// (cached per size; callers must not change the returned array).
    /// </summary>
    /// <param name="width">The width, 1 to <see cref="MaxSide"/>.</param>
    /// <param name="height">The height, 1 to <see cref="MaxSide"/>.</param>
    /// <returns>The PNG file.</returns>
    public static byte[] Shapes(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxSide);
        if (ShapesCache.TryGetValue((width, height), out var cached))
        {
            return cached;
        }

        var png = Encode(width, height, DrawShapes(width, height));
        if (ShapesCache.Count < 32)
        {
            ShapesCache.TryAdd((width, height), png);
        }

        return png;
    }

    /// <summary>Encodes 8-bit RGB pixels (row-major, 3 bytes a pixel) as a PNG file.</summary>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <param name="rgb">The pixels, <c>width × height × 3</c> bytes.</param>
    /// <returns>The PNG file.</returns>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgb)
    {
        var stride = width * 3;
        if (rgb.Length != stride * height)
        {
            throw new ArgumentException($"Expected {stride * height} bytes of RGB pixels, got {rgb.Length}.", nameof(rgb));
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(png, "IHDR", header);

        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(rgb.Slice(y * stride, stride));
            }
        }

        WriteChunk(png, "IDAT", idat.GetBuffer().AsSpan(0, (int)idat.Length));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] DrawShapes(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        rgb.AsSpan().Fill(0xFF);
        var side = Math.Min(width / 4.0, height * 0.6);
        var cy = height / 2.0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, hit) = ShapeAt(x + 0.5, y + 0.5, width, cy, side);
                if (hit)
                {
                    var i = ((y * width) + x) * 3;
                    rgb[i] = r;
                    rgb[i + 1] = g;
                    rgb[i + 2] = b;
                }
            }
        }

        return rgb;
    }

    private static (byte R, byte G, byte B, bool Hit) ShapeAt(double x, double y, int width, double cy, double side)
    {
        var half = side / 2;

        // Red circle in the left quarter.
        var cx = width * 0.2;
        if (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= half * half)
        {
            return (0xE0, 0x20, 0x20, true);
        }

        // Blue square in the middle.
        cx = width * 0.5;
        if (Math.Abs(x - cx) <= half && Math.Abs(y - cy) <= half)
        {
            return (0x20, 0x40, 0xE0, true);
        }

        // Green triangle (apex up) in the right quarter.
        cx = width * 0.8;
        var top = cy - half;
        if (y >= top && y <= cy + half)
        {
            var spread = (y - top) / side * half;
            if (Math.Abs(x - cx) <= spread)
            {
                return (0x20, 0xB0, 0x40, true);
            }
        }

        return (0, 0, 0, false);
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, typeBytes);
        png.Write(typeBytes);
        png.Write(data);
        var crc = Crc(0xFFFFFFFFu, typeBytes);
        crc = Crc(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
