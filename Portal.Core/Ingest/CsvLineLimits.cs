namespace Portal.Core.Ingest;

/// <summary>
/// Hands a CSV to the parser while it counts the columns and characters of each line, and refuses a line over
/// <see cref="SheetReader.MaxColumns"/> columns or <see cref="SheetReader.MaxLineLength"/> characters as soon as it
/// gets there: the parser keeps a whole line and every cell of it, about thirty times its size, before it can be asked.
/// Quotes are read as CsvHelper reads them: one opens a cell only at its start, and a doubled one inside stands for itself.
/// </summary>
internal sealed class CsvLineLimits(TextReader inner, string fileName) : TextReader
{
    private enum Place { CellStart, Unquoted, Quoted, QuoteInQuoted }

    private Place _place = Place.CellStart;
    private int _physicalLine = 1;
    private int _line = 1;
    private int _columns = 1;
    private int _length;

    public override int Read(char[] buffer, int index, int count) => Count(buffer.AsSpan(index, inner.Read(buffer, index, count)));

    public override int Read(Span<char> buffer) => Count(buffer[..inner.Read(buffer)]);

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0) Count([(char)c]);
        return c;
    }

    public override int Peek() => inner.Peek();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private int Count(ReadOnlySpan<char> chars)
    {
        var rest = chars;
        while (rest.Length > 0)
        {
            if (_place == Place.Quoted)
            {
                var stop = rest.IndexOfAny('"', '\n');
                if (stop < 0) { Grow(rest.Length); break; }
                Grow(stop + 1);
                if (rest[stop] == '\n') _physicalLine++;
                else _place = Place.QuoteInQuoted;
                rest = rest[(stop + 1)..];
                continue;
            }
            if (rest[0] == '"' && _place is Place.CellStart or Place.QuoteInQuoted)
            {
                _place = Place.Quoted;
                Grow(1);
                rest = rest[1..];
                continue;
            }
            var end = rest.IndexOfAny(',', '\r', '\n');
            if (end < 0) { _place = Place.Unquoted; Grow(rest.Length); break; }
            Grow(end + 1);
            if (rest[end] == ',')
            {
                if (++_columns > SheetReader.MaxColumns) throw new ExportFileException($"{fileName}：第 {_line} 行超过 {SheetReader.MaxColumns} 列的上限，请检查是否导出错误。");
                _place = Place.CellStart;
            }
            else EndLine(rest[end]);
            rest = rest[(end + 1)..];
        }
        return chars.Length;
    }

    private void EndLine(char end)
    {
        if (end == '\n') _physicalLine++;
        _line = _physicalLine;
        _place = Place.CellStart;
        _columns = 1;
        _length = 0;
    }

    private void Grow(int characters)
    {
        _length += characters;
        if (_length > SheetReader.MaxLineLength)
            throw new ExportFileException($"{fileName}：第 {_line} 行超过 {SheetReader.MaxLineLength:N0} 个字符，请检查是否导出错误（如缺少换行或引号不成对）。");
    }
}
