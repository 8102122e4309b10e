#!/usr/bin/env python3
"""Builds the gazetteer resources bundled in the jar from ../shared/gazetteer.

units_history.csv is the official GSO list (copied, gzipped). post2025.tsv is derived from the
MIT-licensed dvhcvn/20250701 merges.json: one line per new ward/commune with the old ward codes it
was formed from (":f" full, ":p" partial).  Run from the repository root:
    python3 tools/build-gazetteer.py ../shared/gazetteer
"""
import gzip, json, shutil, sys, pathlib

src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/gazetteer")
out = pathlib.Path("src/main/resources/org/vnpress/extract")
out.mkdir(parents=True, exist_ok=True)

with open(src / "units_history.csv", "rb") as f, gzip.GzipFile(
    out / "units_history.csv.gz", "wb", mtime=0
) as g:
    shutil.copyfileobj(f, g)

merges = json.load(open(src / "post2025" / "merges.json", encoding="utf-8"))
lines = ["new_province_code\tnew_province_name\tnew_code\tnew_name\told_wards"]
for p in merges["data"]:
    for u in p["level2s"]:
        olds = ",".join(m["old_id"] + ":" + m["type"][0] for m in u["merges"])
        lines.append("\t".join([p["level1_id"], p["name"], u["level2_id"], u["name"], olds]))
with gzip.GzipFile(out / "post2025.tsv.gz", "wb", mtime=0) as g:
    g.write(("\n".join(lines) + "\n").encode("utf-8"))

shutil.copy(src / "post2025" / "LICENSE-dvhcvn-20250701.txt", out / "LICENSE-dvhcvn-20250701.txt")
