#!/usr/bin/python3
"""Reference baselines for stancekit's comparison tables.

scikit-learn (TF-IDF word 1-2-grams + LinearSVC or LogisticRegression;
binary 1-2-grams + MultinomialNB) and fastText (-wordNgrams 2 -epoch 25),
trained and scored on exactly the data stancekit sees. Each sentence is one
item and is classified alone: these baselines do not read the article
around a sentence.

Needs Debian's python3-sklearn and python3-fasttext; run it with the
system interpreter:

    apt-get install -y python3-sklearn python3-fasttext
    /usr/bin/python3 bench/baselines.py eval --train testdata/news/train.jsonl --test testdata/news/test.jsonl
    /usr/bin/python3 bench/baselines.py cv --data bench/testdata/subj/subj.tsv --folds 10 --fold-file F
    /usr/bin/python3 bench/baselines.py subj DIR > bench/testdata/subj/subj.tsv

Input: JSONL articles (docs/labels.md, "The interchange format"; one item a
sentence, an article is a group), `label<TAB>text` lines, or fastText
`__label__X text` lines (one item a line).

Output: one JSON line per model with the fields of stancekit's
`-report json` that the tables use: model, n, accuracy, macro, weighted
(precision, recall, f1), labels, classes (per label precision, recall, f1,
support), confusion (rows gold, columns predicted, in `labels` order),
train_seconds and predict_per_second; cv adds accuracy_mean, accuracy_std
(population) and folds (accuracy and macro_f1 of each).

Folds (cv): with --fold-file naming an existing file, its integers give the
fold of each unit (an article for JSONL, a line otherwise), so that both
sides use stancekit's folds (`go test ./bench/ -run TestSUBJFolds
-subj-folds F` writes them). Otherwise a unit's fold is its rank within
its label (JSONL: the article's rank) modulo K, written to --fold-file when
one is named.

Timings are single-threaded: BLAS is pinned to one thread and fastText
runs with -thread 1.

`subj DIR` turns the SUBJ data set (Pang & Lee 2004, `rotten_imdb.tar.gz`
from the authors' movie-review-data page at Cornell, unpacked in DIR) into
`label<TAB>sentence` lines: quote.tok.gt9.5000 as `subjective`,
plot.tok.gt9.5000 as `objective`, decoded as Windows-1252, trailing space
removed.
"""
import os

# Before numpy is imported, or BLAS has already started its threads.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse
import json
import sys
import tempfile
import time
from collections import Counter

FT_PREFIX = "__label__"


def load(path):
    """Items of a corpus file as three lists: labels, texts and group ids."""
    labels, texts, groups = [], [], []
    jsonl = path.lower().endswith((".jsonl", ".ndjson"))
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            if jsonl:
                try:
                    article = json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{lineno}: not a JSON object ({e})")
                for s in article.get("sentences") or []:
                    labels.append(s["label"])
                    texts.append(s["text"])
                    groups.append(lineno)
                continue
            if line.startswith(FT_PREFIX):
                label, _, text = line.partition(" ")
                label = label[len(FT_PREFIX):]
            else:
                label, tab, text = line.partition("\t")
                if not tab:
                    sys.exit(f"{path}:{lineno}: no TAB: want label<TAB>text or __label__X text")
            labels.append(label.strip())
            texts.append(text.strip())
            groups.append(lineno)
    if not labels:
        sys.exit(f"{path}: no labelled sentences")
    return labels, texts, groups


def sklearn_model(name):
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    words = dict(ngram_range=(1, 2), lowercase=True)
    if name == "svm":
        return make_pipeline(TfidfVectorizer(sublinear_tf=True, **words), LinearSVC(C=1.0, random_state=0))
    if name == "lr":
        return make_pipeline(TfidfVectorizer(sublinear_tf=True, **words),
                             LogisticRegression(C=10.0, max_iter=2000, random_state=0))
    if name == "mnb":
        return make_pipeline(CountVectorizer(binary=True, **words), MultinomialNB(alpha=1.0))
    sys.exit(f"unknown model {name!r}: want svm, lr, mnb or fasttext")


def normalise(text):
    # fastText splits on white space and is case-sensitive; a newline would
    # end its line.
    return " ".join(text.lower().split())


class FastTextModel:
    """fastText supervised, -wordNgrams 2 -epoch 25 -lr 0.5, one thread, seed 1."""

    def fit(self, texts, labels):
        import fasttext
        import numpy as np

        # fastText reads its input in order: shuffle with a fixed seed so
        # that sorted data (SUBJ is) does not bias the last epochs.
        order = np.random.default_rng(1).permutation(len(texts))
        with tempfile.NamedTemporaryFile("w", suffix=".ft", delete=False, encoding="utf-8") as tmp:
            for i in order:
                tmp.write(f"{FT_PREFIX}{labels[i]} {normalise(texts[i])}\n")
        try:
            self.model = fasttext.train_supervised(tmp.name, wordNgrams=2, epoch=25, lr=0.5,
                                                   thread=1, seed=1, verbose=0)
        finally:
            os.unlink(tmp.name)
        return self

    def predict(self, texts):
        got, _ = self.model.predict([normalise(t) for t in texts], k=1)
        return [g[0][len(FT_PREFIX):] for g in got]


def make(name):
    return FastTextModel() if name == "fasttext" else sklearn_model(name)


def scores(gold, pred, labels):
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    def averaged(how):
        p, r, f, _ = precision_recall_fscore_support(gold, pred, labels=labels, average=how, zero_division=0)
        return {"precision": float(p), "recall": float(r), "f1": float(f)}

    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    return {
        "n": len(gold),
        "accuracy": sum(g == q for g, q in zip(gold, pred)) / len(gold),
        "macro": averaged("macro"),
        "weighted": averaged("weighted"),
        "labels": labels,
        "classes": {lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                          "support": int(s[i])} for i, lab in enumerate(labels)},
        "confusion": confusion_matrix(gold, pred, labels=labels).tolist(),
    }


def train_and_predict(name, train_x, train_y, test_x):
    """Predictions, training seconds and predicted items per second."""
    model = make(name)
    t0 = time.perf_counter()
    model.fit(train_x, train_y)
    t1 = time.perf_counter()
    pred = list(model.predict(test_x))
    t2 = time.perf_counter()
    return pred, t1 - t0, len(test_x) / max(t2 - t1, 1e-9)


def run_eval(args):
    train_y, train_x, _ = load(args.train)
    test_y, test_x, _ = load(args.test)
    labels = sorted(set(train_y) | set(test_y))
    for name in args.models.split(","):
        pred, secs, rate = train_and_predict(name, train_x, train_y, test_x)
        out = {"model": name, **scores(test_y, pred, labels), "train_seconds": secs, "predict_per_second": rate}
        print(json.dumps(out), flush=True)


def unit_folds(labels, groups, k, jsonl):
    """The default fold of every unit: its rank (within its label unless
    units are articles) modulo k."""
    if jsonl:
        return [i % k for i in range(len(dict.fromkeys(groups)))]
    seen = Counter()
    folds = []
    for lab in labels:
        folds.append(seen[lab] % k)
        seen[lab] += 1
    return folds


def item_folds(args, labels, groups):
    jsonl = args.data.lower().endswith((".jsonl", ".ndjson"))
    if args.fold_file and os.path.exists(args.fold_file):
        with open(args.fold_file) as f:
            per_unit = [int(tok) for tok in f.read().split()]
    else:
        per_unit = unit_folds(labels, groups, args.folds, jsonl)
        if args.fold_file:
            with open(args.fold_file, "w") as f:
                f.write("".join(f"{k}\n" for k in per_unit))
    if jsonl:
        unit_of = {g: i for i, g in enumerate(dict.fromkeys(groups))}
        units = [unit_of[g] for g in groups]
    else:
        units = list(range(len(labels)))
    if len(per_unit) != (max(units) + 1):
        sys.exit(f"{args.fold_file}: {len(per_unit)} folds for {max(units) + 1} units")
    return [per_unit[u] for u in units]


def run_cv(args):
    labels, texts, groups = load(args.data)
    folds = item_folds(args, labels, groups)
    label_set = sorted(set(labels))
    for name in args.models.split(","):
        gold, pred, per_fold = [], [], []
        train_secs, n_pred, pred_secs = 0.0, 0, 0.0
        for k in sorted(set(folds)):
            test = [i for i, f in enumerate(folds) if f == k]
            train = [i for i, f in enumerate(folds) if f != k]
            p, secs, rate = train_and_predict(name, [texts[i] for i in train], [labels[i] for i in train],
                                              [texts[i] for i in test])
            g = [labels[i] for i in test]
            train_secs += secs
            n_pred += len(test)
            pred_secs += len(test) / rate
            gold += g
            pred += p
            per_fold.append(scores(g, p, label_set))
        accs = [f["accuracy"] for f in per_fold]
        mean = sum(accs) / len(accs)
        out = {"model": name, **scores(gold, pred, label_set),
               "train_seconds": train_secs, "predict_per_second": n_pred / max(pred_secs, 1e-9),
               "accuracy_mean": mean,
               "accuracy_std": (sum((a - mean) ** 2 for a in accs) / len(accs)) ** 0.5,
               "folds": [{"accuracy": f["accuracy"], "macro_f1": f["macro"]["f1"]} for f in per_fold]}
        print(json.dumps(out), flush=True)


def run_subj(args):
    out = sys.stdout
    for name, label in (("quote.tok.gt9.5000", "subjective"), ("plot.tok.gt9.5000", "objective")):
        path = os.path.join(args.dir, name)
        with open(path, encoding="cp1252") as f:
            for line in f:
                text = line.rstrip("\r\n").rstrip()
                if text:
                    out.write(f"{label}\t{text}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("eval", help="train on one corpus, score on another")
    e.add_argument("--train", required=True)
    e.add_argument("--test", required=True)
    e.add_argument("--models", default="svm,lr,mnb,fasttext")
    c = sub.add_parser("cv", help="K-fold cross-validation")
    c.add_argument("--data", required=True)
    c.add_argument("--folds", type=int, default=10)
    c.add_argument("--fold-file")
    c.add_argument("--models", default="svm,lr,mnb,fasttext")
    s = sub.add_parser("subj", help="SUBJ's rotten_imdb files to label<TAB>sentence on stdout")
    s.add_argument("dir")
    args = ap.parse_args()
    if args.cmd == "cv" and args.folds < 2:
        ap.error("--folds: need K >= 2")
    {"eval": run_eval, "cv": run_cv, "subj": run_subj}[args.cmd](args)


if __name__ == "__main__":
    main()
