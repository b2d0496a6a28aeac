"""Converts the sentence-segmenter tests of segtok and syntok (MIT, PyPI sdists) to JSONL cases.

Not run by the build or CI: the converted files are committed. Usage, from an unpacked sdist of
each package, with syntok importable (`pip install syntok==1.4.2`):

    python3 convert.py segtok  path/to/segtok-1.5.11  > segtok.jsonl
    python3 convert.py syntok  path/to/syntok-1.4.2   > syntok.jsonl

Each test method is run with its assertion replaced by a recorder: what the test expects (a list
of sentences, or a list of token lists for syntok) becomes a case; the text is what the test
gives the segmenter. Tests of other functions (regular expressions, line-break modes, offsets)
record nothing of that shape and are left out; so are the tests listed in SKIP, with the reason.
"""

import importlib.util
import json
import sys
import unittest

SKIP = {
    # segtok: line-based modes (a line break is a boundary there, a space in our grammar)
    "test_linebreak": "line-break mode",
    "test_linebreak2": "line-break mode",
    "test_newline": "line-break mode",
    "test_multiline": "line-break mode",
    "test_rewrite": "not segmentation",
}


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cases_segtok(root):
    sys.path.insert(0, root)
    mod = load(f"{root}/segtok/segmenter_test.py", "segtok_segmenter_test")
    out = [("ospl", mod.TEXT, mod.SENTENCES)]
    cls = mod.TestSentenceSegmenter
    for name in sorted(n for n in dir(cls) if n.startswith("test_")):
        if name in SKIP or name == "test_regex":
            continue
        recorded = []

        def record(self, first, second, *a, **k):
            if isinstance(first, list) and first and all(isinstance(s, str) for s in first):
                recorded.append(first)

        t = cls(name)
        t.assertSequenceEqual = record.__get__(t)
        t.setUp()
        try:
            getattr(t, name)()
        except Exception:
            continue
        for k, sents in enumerate(recorded):
            if any("\n" in s for s in sents):
                continue
            out.append((name if k == 0 else f"{name}_{k}", " ".join(sents), sents))
    return out


def cases_syntok(root):
    sys.path.insert(0, root)
    from syntok.tokenizer import Token, Tokenizer

    mod = load(f"{root}/syntok/segmenter_test.py", "syntok_segmenter_test")
    out = [("ospl", mod.TEXT, mod.SENTENCES)]
    cls = mod.TestSegmenter
    split = Tokenizer.split
    for name in sorted(n for n in dir(cls) if n.startswith("test_")):
        if name in SKIP or name == "test_segmenter":
            continue
        recorded = []
        texts = []

        def tokenize(self, text, *a, **k):
            texts.append(text)
            return split(self, text, *a, **k)

        def record(self, first, second, *a, **k):
            if (
                isinstance(first, list)
                and first
                and all(isinstance(s, list) and s for s in first)
                and all(isinstance(t, Token) for s in first for t in s)
            ):
                recorded.append(first)

        Tokenizer.split = tokenize
        t = cls(name)
        t.assertEqual = record.__get__(t)
        try:
            getattr(t, name)()
        except Exception:
            pass
        Tokenizer.split = split
        # Only tests that tokenized one text of their own (not hand-made tokens).
        if len(texts) != 1 or len(recorded) != 1:
            continue
        text = texts[0]
        starts = [s[0].offset - len(s[0].spacing) for s in recorded[0]] + [len(text)]
        sentences = [text[a:b].strip() for a, b in zip(starts, starts[1:])]
        out.append((name, text.strip(), sentences))
    return out


def main():
    which, root = sys.argv[1], sys.argv[2]
    cases = cases_segtok(root) if which == "segtok" else cases_syntok(root)
    for cid, text, sentences in cases:
        print(
            json.dumps(
                {
                    "id": f"{which}-{cid}",
                    "source": f"{which} segmenter_test.py",
                    "text": text,
                    "sentences": sentences,
                    "compare": "strip",
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
