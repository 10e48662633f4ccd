#!/usr/bin/env bash
# Memory of the indexer on hostile department files, as an outside probe made them (issue 12): an XLSX of 1.1 MB whose
# one cell unpacks to 1.17 GB (in the shared-string table, and inline), and CSV lines of 100 MB (one cell; 50 million
# columns). Each is generated here, never committed, and given to `portal-indexer validate`; the script prints the exit
# code, the indexer's sentence and the peak memory (/usr/bin/time -v, "Maximum resident set size").
#   deploy/load/bad-exports.sh [MEGABYTES]     (size of the CSV lines, default 100)
# PORTAL_INDEXER="dotnet path/to/portal-indexer.dll" measures another build (e.g. main's) instead of building this one.
# Needs python3 and GNU time (apt-get install python3 time); the files and data are removed when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
megabytes=${1:-100}
[ -x /usr/bin/time ] || { echo "需要 GNU time：apt-get install time" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${PORTAL_INDEXER:-}" ]; then
  read -r -a indexer <<<"$PORTAL_INDEXER"
else
  echo "构建 / building (Release) ..."
  dotnet build Portal.Indexer -c Release --nologo -v quiet -clp:ErrorsOnly
  indexer=(dotnet Portal.Indexer/bin/Release/net10.0/portal-indexer.dll)
fi
export Portal__DataDirectory=$work/data Portal__ContentDirectory=$PWD/content Portal__Lookup__HmacKey=$(head -c 32 /dev/urandom | base64)

python3 - "$work" "$megabytes" <<'PY'
import os, sys, zipfile
out, megabytes = sys.argv[1], int(sys.argv[2])
header = ["乡镇", "村", "行政区划代码", "姓名", "身份证号", "资金类别", "发放金额", "所属期"]

def repeat(w, byte, count):
    block = byte * (1 << 20)
    while count > 0:
        w.write(block[:min(count, len(block))]); count -= len(block)

def inline(text): return f'<c t="inlineStr"><is><t>{text}</t></is></c>'

def xlsx(path, characters, shared):
    rels = '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    rels += '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if shared else ''
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + '</Relationships>')
        if shared:
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as w:
                w.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
                repeat(w, b"A", characters)
                w.write(b'</t></si></sst>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
            w.write(('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
                     + "".join(inline(h) for h in header) + '</row><row r="2">' + inline("五里河镇") + inline("史庄村") + inline("410221101201")).encode())
            if shared: w.write(b'<c r="D2" t="s"><v>0</v></c>')
            else:
                w.write(b'<c r="D2" t="inlineStr"><is><t>'); repeat(w, b"A", characters); w.write(b'</t></is></c>')
            w.write((inline("410221195603120011") + inline("农村低保") + '<c><v>100</v></c>' + inline("2026-05") + '</row></sheetData></worksheet>').encode())

def csv(path, size, cell):
    with open(path, "wb") as f:
        f.write((",".join(header) + "\r\n").encode())
        repeat(f, b"a" if cell else b"a,", size)
        f.write(b"\r\n")

xlsx(os.path.join(out, "cell-1.17g-shared.xlsx"), 1_170_000_000, True)
xlsx(os.path.join(out, "cell-1.17g-inline.xlsx"), 1_170_000_000, False)
csv(os.path.join(out, f"line-{megabytes}m-one-cell.csv"), megabytes * 1_000_000, True)
csv(os.path.join(out, f"line-{megabytes}m-columns.csv"), megabytes * 1_000_000, False)
PY

printf '%-30s %10s %6s %8s  %s\n' file size exit "peak MB" "indexer said"
for file in "$work"/*.xlsx "$work"/*.csv; do
  set +e
  /usr/bin/time -v -o "$work/time.txt" "${indexer[@]}" validate "$file" >/dev/null 2>"$work/err.txt"
  code=$?
  set -e
  peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  printf '%-30s %10s %6s %8s  %s\n' "$(basename "$file")" "$(du -h "$file" | cut -f1)" "$code" "$((peak / 1024))" "$(grep -m 1 . "$work/err.txt")"
done
echo "机器负载 / load: $(cut -d' ' -f1-3 /proc/loadavg)"
