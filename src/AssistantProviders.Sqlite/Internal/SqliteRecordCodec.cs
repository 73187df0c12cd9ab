// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// How records are kept in the file, without reflection (no <c>JsonSerializer</c>: <see cref="Utf8JsonWriter"/> and
/// <see cref="Utf8JsonReader"/> only, so it is AOT-safe). Keys: string and Guid as TEXT (Guid lower-case <c>D</c>), int and
/// long as INTEGER. Data: one JSON object by storage name; numbers as JSON numbers (a float as the double it widens to, so
/// it reads back and compares exactly; a non-finite one as a string), Guid, DateTime and DateTimeOffset as ISO strings, lists
/// as arrays. Read back, integral numbers are <see cref="long"/>, other numbers <see cref="double"/>, arrays
/// <c>List&lt;object?&gt;</c>: <c>ValueConversion</c> turns them into the property types. Vectors: little-endian float32.
/// </summary>
internal static class SqliteRecordCodec
{
    /// <summary>Gets the stored name of a key type (<c>string</c>, <c>guid</c>, <c>int</c>, <c>long</c>).</summary>
    /// <param name="keyType">The key property type.</param>
    /// <returns>The name.</returns>
    public static string KeyTypeName(Type keyType) =>
        keyType == typeof(Guid) ? "guid" : keyType == typeof(int) ? "int" : keyType == typeof(long) ? "long" : "string";

    /// <summary>Gets the parameter value of a key.</summary>
    /// <param name="key">The key (string, Guid, int or long).</param>
    /// <returns>The value.</returns>
    public static object EncodeKey(object key) => key switch
    {
        string text => text,
        Guid guid => guid.ToString("D"),
        int number => (long)number,
        long number => number,
        _ => throw new NotSupportedException($"A key of type '{key.GetType().Name}' is not supported; the SQLite vector store supports string, Guid, int and long keys."),
    };

    /// <summary>Reads a key column back as the collection's key type.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <param name="keyType">The stored key type name.</param>
    /// <returns>The key.</returns>
    public static object DecodeKey(SqliteDataReader reader, int ordinal, string keyType) => keyType switch
    {
        "guid" => Guid.Parse(reader.GetString(ordinal)),
        "int" => checked((int)reader.GetInt64(ordinal)),
        "long" => reader.GetInt64(ordinal),
        _ => reader.GetString(ordinal),
    };

    /// <summary>Encodes the vector names of a collection (a JSON array, in ordinal order).</summary>
    /// <param name="names">The names.</param>
    /// <returns>The JSON.</returns>
    public static string EncodeNames(IReadOnlyList<string> names)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var name in names)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Decodes <see cref="EncodeNames"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The names.</returns>
    public static List<string> DecodeNames(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var names = new List<string>();
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(reader.TokenType == JsonTokenType.String);
            names.Add(reader.GetString()!);
        }

        return names;
    }

    /// <summary>Encodes the data values of a record as a JSON object.</summary>
    /// <param name="data">The values by storage name.</param>
    /// <returns>The JSON text.</returns>
    public static string EncodeData(Dictionary<string, object?> data)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in data)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, name, value, inList: false);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a data column (a JSON object) back.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The values by storage name.</returns>
    public static Dictionary<string, object?> DecodeData(SqliteDataReader reader, int ordinal)
    {
        var length = checked((int)reader.GetBytes(ordinal, 0, null, 0, 0));
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            reader.GetBytes(ordinal, 0, buffer, 0, length);
            return DecodeData(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a data JSON object back.</summary>
    /// <param name="json">The UTF-8 JSON.</param>
    /// <returns>The values by storage name.</returns>
    public static Dictionary<string, object?> DecodeData(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            Expect(reader.TokenType == JsonTokenType.PropertyName);
            var name = reader.GetString()!;
            Expect(reader.Read());
            data[name] = ReadValue(ref reader, inList: false);
        }

        return data;
    }

    /// <summary>Encodes a vector as little-endian float32 (4 bytes per dimension).</summary>
    /// <param name="vector">The vector.</param>
    /// <returns>The bytes.</returns>
    public static byte[] EncodeVector(float[] vector)
    {
        if (BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
        }

        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    /// <summary>Reads a vector column back.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The vector.</returns>
    public static float[] DecodeVector(SqliteDataReader reader, int ordinal)
    {
        var length = checked((int)reader.GetBytes(ordinal, 0, null, 0, 0));
        if (length % sizeof(float) != 0)
        {
            throw new InvalidDataException($"a stored vector has {length} bytes, which is not a whole number of float32 values");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            reader.GetBytes(ordinal, 0, buffer, 0, length);
            var vector = new float[length / sizeof(float)];
            if (BitConverter.IsLittleEndian)
            {
                buffer.AsSpan(0, length).CopyTo(MemoryMarshal.AsBytes(vector.AsSpan()));
            }
            else
            {
                for (var i = 0; i < vector.Length; i++)
                {
                    vector[i] = BinaryPrimitives.ReadSingleLittleEndian(buffer.AsSpan(i * sizeof(float)));
                }
            }

            return vector;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new InvalidDataException("a stored record is not in the expected JSON shape");
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value, bool inList)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case float single:
                WriteDouble(writer, single);
                break;
            case double number:
                WriteDouble(writer, number);
                break;
            case decimal money:
                writer.WriteNumberValue(money);
                break;
            case Guid guid:
                writer.WriteStringValue(guid);
                break;
            case DateTime time:
                writer.WriteStringValue(time);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time);
                break;
            case IEnumerable items when !inList:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, name, item, inList: true);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException(
                    $"Data property '{name}' holds a '{value.GetType().Name}'; the SQLite vector store keeps {AssistantProviders.VectorStores.ValueConversion.SupportedTypes}.");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            // JSON has no NaN or infinity; the string converts back (double.Parse reads "NaN", "Infinity", "-Infinity").
            writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static object? ReadValue(ref Utf8JsonReader reader, bool inList)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? integer : reader.GetDouble();
            case JsonTokenType.StartArray when !inList:
                {
                    var items = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadValue(ref reader, inList: true));
                    }

                    return items;
                }

            default:
                throw new InvalidDataException($"a stored record holds an unexpected JSON token '{reader.TokenType}'");
        }
    }
}
