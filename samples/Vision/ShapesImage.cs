// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Vision;

/// <summary>Draws the sample's test picture (a red circle, a blue square and a green triangle on white) and encodes it as a PNG.</summary>
internal static class ShapesImage
{
    public static byte[] Draw(int width = 384, int height = 128)
    {
        var rgb = new byte[width * height * 3];
        rgb.AsSpan().Fill(0xFF);
        var half = Math.Min(width / 4.0, height * 0.6) / 2;
        var cy = height / 2.0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                double px = x + 0.5, py = y + 0.5;
                (byte R, byte G, byte B)? colour =
                    Square(px - (width * 0.2)) + Square(py - cy) <= half * half ? (0xE0, 0x20, 0x20) // red circle
                    : Math.Abs(px - (width * 0.5)) <= half && Math.Abs(py - cy) <= half ? (0x20, 0x40, 0xE0) // blue square
                    : py >= cy - half && py <= cy + half && Math.Abs(px - (width * 0.8)) <= (py - (cy - half)) / 2 ? (0x20, 0xB0, 0x40) // green triangle
                    : null;
                if (colour is { } c)
                {
                    var i = ((y * width) + x) * 3;
                    (rgb[i], rgb[i + 1], rgb[i + 2]) = (c.R, c.G, c.B);
                }
            }
        }

        return Png(width, height, rgb);
    }

    /// <summary>The width and height a PNG's IHDR chunk declares, or null when the bytes are not a PNG.</summary>
    public static (int Width, int Height)? PngSize(ReadOnlySpan<byte> png) =>
        png.Length >= 24 && png[..8].SequenceEqual(Signature) && png.Slice(12, 4).SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)))
            : null;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static double Square(double v) => v * v;

    private static byte[] Png(int width, int height, byte[] rgb)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // 8 bits per channel
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // no filter
                zlib.Write(rgb, y * width * 3, width * 3);
            }
        }

        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var word = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ~Crc(Crc(0xFFFFFFFFu, typeBytes), data));
        png.Write(word);
    }

    private static uint Crc(uint crc, byte[] data)
    {
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc;
    }
}
