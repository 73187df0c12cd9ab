// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// A small GraphQL query parser for the Weaviate wire: an anonymous (or <c>query</c>) operation of fields with arguments and
/// sub-selections; values are strings (with escapes), numbers, booleans, null, enums, lists and objects; <c>#</c> comments and
/// commas are ignored. Enough for <c>{ Get { Class(args) { fields _additional { … } } } }</c>; a syntax error throws
/// <see cref="FormatException"/> with its offset.
/// </summary>
internal sealed class GraphQLParser
{
    private readonly string _text;
    private int _pos;

    private GraphQLParser(string text)
    {
        _text = text;
    }

    public static IReadOnlyList<GraphQLField> Parse(string query)
    {
        var parser = new GraphQLParser(query);
        parser.Skip();
        if (parser.PeekName() is "query")
        {
            parser.ReadName();
            parser.Skip();
            if (parser.Peek() != '{')
            {
                parser.ReadName();
            }
        }

        var fields = parser.SelectionSet();
        parser.Skip();
        return parser._pos == parser._text.Length ? fields : throw parser.Error("unexpected text after the operation");
    }

    private List<GraphQLField> SelectionSet()
    {
        Expect('{');
        var fields = new List<GraphQLField>();
        while (true)
        {
            Skip();
            if (Peek() == '}')
            {
                _pos++;
                return fields;
            }

            var name = ReadName();
            Skip();
            if (Peek() == ':')
            {
                // An alias: the field name follows.
                _pos++;
                Skip();
                name = ReadName();
                Skip();
            }

            var arguments = new JsonObject();
            if (Peek() == '(')
            {
                _pos++;
                while (true)
                {
                    Skip();
                    if (Peek() == ')')
                    {
                        _pos++;
                        break;
                    }

                    var argument = ReadName();
                    Skip();
                    Expect(':');
                    arguments[argument] = Value();
                }

                Skip();
            }

            var selections = Peek() == '{' ? SelectionSet() : [];
            fields.Add(new GraphQLField(name, arguments, selections));
        }
    }

    private JsonNode? Value()
    {
        Skip();
        var c = Peek();
        switch (c)
        {
            case '"':
                return JsonValue.Create(ReadString());
            case '[':
                {
                    _pos++;
                    var list = new JsonArray();
                    while (true)
                    {
                        Skip();
                        if (Peek() == ']')
                        {
                            _pos++;
                            return list;
                        }

                        list.Add(Value());
                    }
                }

            case '{':
                {
                    _pos++;
                    var obj = new JsonObject();
                    while (true)
                    {
                        Skip();
                        if (Peek() == '}')
                        {
                            _pos++;
                            return obj;
                        }

                        var key = ReadName();
                        Skip();
                        Expect(':');
                        obj[key] = Value();
                    }
                }

            case '$':
                throw Error("variables are not supported by the emulator; send literals");
            default:
                if (c == '-' || char.IsAsciiDigit(c))
                {
                    return ReadNumber();
                }

                var name = ReadName();
                return name switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    "null" => null,
                    _ => JsonValue.Create(name),
                };
        }
    }

    private JsonValue ReadNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        var isFloat = false;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
        {
            isFloat |= _text[_pos] is '.' or 'e' or 'E';
            _pos++;
        }

        var token = _text[start.._pos];
        if (!isFloat && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : throw Error($"'{token}' is not a number");
    }

    private string ReadString()
    {
        Expect('"');
        var text = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c is '\n' or '\r')
            {
                throw Error("a line break inside a string (it must be escaped as \\n)");
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                throw Error("unterminated escape");
            }

            var escape = _text[_pos++];
            switch (escape)
            {
                case '"': text.Append('"'); break;
                case '\\': text.Append('\\'); break;
                case '/': text.Append('/'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u' when _pos + 4 <= _text.Length && int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error($"the escape '\\{escape}' is not valid GraphQL");
            }
        }
    }

    private string? PeekName()
    {
        var save = _pos;
        try
        {
            return _pos < _text.Length && (char.IsAsciiLetter(_text[_pos]) || _text[_pos] == '_') ? ReadName() : null;
        }
        finally
        {
            _pos = save;
        }
    }

    private string ReadName()
    {
        var start = _pos;
        if (_pos < _text.Length && (char.IsAsciiLetter(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }
        }

        return _pos > start ? _text[start.._pos] : throw Error("a name was expected");
    }

    private void Skip()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r'))
                {
                    _pos++;
                }
            }
            else if (char.IsWhiteSpace(c) || c == ',' || c == '\uFEFF')
            {
                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void Expect(char c)
    {
        Skip();
        if (Peek() != c)
        {
            throw Error($"'{c}' was expected");
        }

        _pos++;
    }

    private FormatException Error(string what) => new($"Syntax Error GraphQL request (offset {_pos}): {what}.");
}
