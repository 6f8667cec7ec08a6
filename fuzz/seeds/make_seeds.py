#!/usr/bin/env python3
"""Writes the committed seed corpus under fuzz/corpus/<target>/.

Seeds are the raw seed articles, the hostile fixtures and a few hand-made hostile strings.
Run from the repository root; rerunning rewrites the same files.
"""
import json
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "fuzz" / "corpus"

HOSTILE = [
    "招\x1b]0;pwned\x07商\u202e引\t资",
    "通辽\x1b]52;c;ZWNobyBwd25lZA==\x07市",
    "全市\x1b[31m12\x1b[0m个\x1bP+q\x1b\\项目",
    "\x1b[", "\x1b]0;unterminated", "\x9b31m\x9d0;c1\x9c",
    "\u2066isolate\u2069 \u202dLRO\u202c \u200b\u200d\ufeff\u00ad\ufe0f",
    "經(jīng)濟(jì)開發(fā)區(qū),,奮勇?tīng)?zhēng)先",
    "合同投資額XX.X億元,同比增長X%,完成目標(biāo)任務(wù)XX%",
    "到位资金１２３．４５亿元，增长1 234.5%，目标99999999999999999999999亿元",
    "总投资1e308亿元，占目标任务1145141919810%，下降-0.0%",
    "锟斤拷烫烫烫ÃƒÂ©å¤§",
    "“招商引资”（一）【二】《三》——…… ，。、",
    "\r\n\r\n   \u3000\u3000一\r二\n\n\n三",
    "a" * 300,
    "通" * 150,
    "e\u0301\u0301\u0301 ｈａｌｆ　ｗｉｄｔｈ",
]


def write(target, name, data):
    path = OUT / target / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    raw = sorted((ROOT / "data" / "raw").glob("*.txt"))
    hostile_files = sorted((ROOT / "tests" / "fixtures" / "hostile").iterdir())
    fixtures = sorted((ROOT / "tests" / "fixtures" / "articles").iterdir())

    # parse: whole articles as bytes, in every encoding the decoder knows.
    for path in raw + fixtures + hostile_files:
        write("parse", path.name, path.read_bytes())
    first = raw[0].read_text("utf-8")
    write("parse", "gb18030.txt", first.encode("gb18030", "replace"))
    write("parse", "big5.txt", first.encode("big5", "replace"))
    write("parse", "crlf-bom.txt", "\ufeff" + first.replace("\n", "\r\n"))
    for i, s in enumerate(HOSTILE):
        write("parse", f"hostile-{i:02}.txt", s)

    # clean: single lines (the longest few from each article) and the hostile strings.
    for path in raw:
        lines = sorted(path.read_text("utf-8").split("\n"), key=len, reverse=True)
        for j, line in enumerate(lines[:3]):
            write("clean", f"{path.stem}-{j}.txt", line)
    for i, s in enumerate(HOSTILE):
        write("clean", f"hostile-{i:02}.txt", s)

    # wrap: first byte is the width, the rest the text.
    texts = [raw[1].read_text("utf-8")[:600], raw[4].read_text("utf-8")[:600]] + HOSTILE
    for i, s in enumerate(texts):
        for width in (0, 1, 2, 3, 40, 80):
            write("wrap", f"w{width:03}-{i:02}.txt", bytes([width]) + s.encode("utf-8"))

    # load: small valid corpora, the broken fixtures, truncations.
    articles = json.loads((ROOT / "data" / "articles.json").read_text("utf-8"))
    # One article cut down to a few of each field, so the seed stays small.
    one = dict(articles[0])
    for key, keep in (("paragraphs", 2), ("metrics", 3), ("gauges", 2), ("warnings", 2),
                      ("boilerplate", 2), ("repairs", 3), ("headings", 1)):
        one[key] = one.get(key, [])[:keep]
    one["original"] = one.get("original", "")[:200]
    small = [one]
    whole = json.dumps(small, ensure_ascii=False, indent=1)
    write("load", "one.json", whole)
    write("load", "one.jsonl", json.dumps(small[0], ensure_ascii=False) + "\n")
    write("load", "truncated-half.json", whole[: len(whole) // 2])
    write("load", "empty-array.json", "[]")
    write("load", "bom.json", "\ufeff[{\"title\": \"标题\"}]")
    write("load", "huge-number.json", '[{"gauges": [{"actual": 1e999}]}]')
    write("load", "nan.json", '[{"metrics": [{"value": NaN}]}]')
    write("load", "wrong-span.json", '[{"metrics": [{"source": {"paragraph": -1}}]}]')
    write("load", "deep.json", "[" * 200)
    for path in hostile_files:
        if path.suffix in (".json", ".jsonl"):
            write("load", path.name, path.read_bytes())


if __name__ == "__main__":
    main()
