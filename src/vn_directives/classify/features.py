"""Features of an item for the kind and sector classifiers.

An item is given to the models as a small record (a dict): its text, the heading above it, where it
stands in the document and a few cues. :class:`ItemFeatures` turns a list of such records into one
sparse matrix: word n-grams, character n-grams, the section's words and the cues.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from ..records import Item

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PCT = re.compile(r"\d\s?%|phần trăm")
_NUMBER = re.compile(r"\d")
_DEADLINE = re.compile(r"trước ngày|chậm nhất|hoàn thành trong|trong quý|quý [IV]+|hằng năm|hàng năm|"
                       r"định kỳ|thường xuyên|trước \d|đến năm|đến hết năm|giai đoạn")
_TARGET = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu|\bđạt\b|tỷ lệ|tối thiểu|ít nhất|trên \d|100%|"
                     r"không (?:thấp hơn|dưới|quá)|tăng|giảm|vào nhóm|xếp hạng|top")
_TASK = re.compile(r"^(?:[-+•]\s*)?(?:tiếp tục|tăng cường|đẩy mạnh|triển khai|tổ chức|chỉ đạo|chủ trì|"
                   r"phối hợp|xây dựng|hoàn thiện|thực hiện|rà soát|kiểm tra|nghiên cứu|giao|yêu cầu|"
                   r"tập trung|chủ động|bảo đảm|đảm bảo|khẩn trương|nâng cao|phát triển|hướng dẫn|"
                   r"tham mưu|theo dõi|báo cáo|quán triệt|ban hành|bố trí|huy động)")
_ASSIGN = re.compile(r"\bgiao\b|chủ trì|phối hợp|chịu trách nhiệm|có trách nhiệm|đề nghị|yêu cầu")
_CONTEXT = re.compile(r"^(?:căn cứ|theo đề nghị|xét đề nghị|xét|nơi nhận|kính gửi|nguồn:|số:|"
                      r"tm\.|kt\.|tl\.)")
_SECTION_CUES = (
    ("sec_goal", re.compile(r"mục tiêu|chỉ tiêu")),
    ("sec_purpose", re.compile(r"mục đích")),
    ("sec_require", re.compile(r"yêu cầu")),
    ("sec_task", re.compile(r"nhiệm vụ|giải pháp")),
    ("sec_org", re.compile(r"tổ chức thực hiện|trách nhiệm|phân công")),
    ("sec_view", re.compile(r"quan điểm")),
    ("sec_result", re.compile(r"kết quả|tình hình|đánh giá")),
    ("sec_budget", re.compile(r"kinh phí")),
)
_MARKER_KIND = (
    ("roman", re.compile(r"^[IVXLC]+[.)]$")),
    ("multi", re.compile(r"^\d+(?:\.\d+)+\.?$")),
    ("num", re.compile(r"^\d+[.)]$")),
    ("letter", re.compile(r"^[a-zđ][.)]$")),
    ("bullet", re.compile(r"^[-+•●▪◦–—]$")),
    ("article", re.compile(r"^(?:Điều|ĐIỀU)")),
    ("chapter", re.compile(r"^(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC)")),
)


def item_record(item: Item, n_items: int, title: str = "") -> dict:
    """The record the models read for one item (``title``: the document's own title)."""
    return {
        "text": item.clean,
        "section": item.section or "",
        "part": item.part,
        "marker": item.marker or "",
        "is_heading": bool(item.is_heading),
        "level": item.level,
        "position": item.index / max(1, n_items - 1),
        "title": title,
    }


def document_title(items: Sequence[Item]) -> str:
    """The document's title lines (its type line and subject), else its first heading."""
    title = " ".join(it.clean for it in items if it.part == "title")
    if not title:
        title = next((it.clean for it in items if it.is_heading), "")
    return title[:400]


def _ancestors(item: Item, by_index: dict[int, Item], depth: int = 4) -> str:
    """The headings above the item's own section heading ("II. MỤC TIÊU" over "2. Mục tiêu cụ thể" over
    "a) Về chuyển đổi số"), nearest first, joined by " | "."""
    out: list[str] = []
    seen: set[int] = set()
    k = item.section_index
    parent = by_index.get(k) if k is not None else None
    k = parent.section_index if parent else None
    while k is not None and k not in seen and len(out) < depth:
        seen.add(k)
        head = by_index.get(k)
        if head is None:
            break
        out.append(head.clean[:120])
        k = head.section_index
    return " | ".join(out)


def records_of(items: Sequence[Item]) -> list[dict]:
    """Model records of a document's items, with the document's title and topic profile."""
    from .baseline import keyword_sector

    title = document_title(items)
    profile = Counter(keyword_sector(it.clean) for it in items)
    profile.pop("general", None)
    total = sum(profile.values()) or 1
    shares = {code: n / total for code, n in profile.items()}
    out = []
    doc = f"{title}|{len(items)}"
    by_index = {it.index: it for it in items}
    for it in items:
        rec = item_record(it, len(items), title)
        rec["ancestors"] = _ancestors(it, by_index)
        rec["doc_topics"] = shares
        rec["doc"] = doc
        out.append(rec)
    return out


def cues(rec: dict) -> dict[str, float | str]:
    """Structural and lexical cues of one record, as a feature dict (computed once per record)."""
    cached = rec.get("_cues")
    if cached is not None:
        return cached
    out = _cues(rec)
    rec["_cues"] = out
    return out


def _cues(rec: dict) -> dict[str, float | str]:
    text = rec.get("text", "")
    low = text.lower()
    words = low.split()
    marker = rec.get("marker") or ""
    kind = next((k for k, rx in _MARKER_KIND if rx.match(marker)), "none") if marker else "none"
    letters = [c for c in text if c.isalpha()]
    section = (rec.get("section") or "").lower()
    out: dict[str, float | str] = {
        "part": rec.get("part", "body"),
        "marker": kind,
        "is_heading": float(bool(rec.get("is_heading"))),
        "level": str(min(int(rec.get("level", 0)), 9)),
        "pos": str(min(int(float(rec.get("position", 0.0)) * 10), 9)),
        "len": str(min(len(words) // 5, 8)),
        "ends": text.rstrip()[-1:] if text.rstrip()[-1:] in {":", ";", ".", ","} else "other",
        "upper": float(bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)),
        "digit": float(bool(_NUMBER.search(text))),
        "pct": float(bool(_PCT.search(low))),
        "year": float(bool(_YEAR.search(text))),
        "deadline": float(bool(_DEADLINE.search(low))),
        "target_cue": float(bool(_TARGET.search(low))),
        "task_start": float(bool(_TASK.match(low))),
        "assign": float(bool(_ASSIGN.search(low))),
        "context_start": float(bool(_CONTEXT.match(low))),
        "first": words[0].strip("-+•:,.") if words else "",
        "first2": " ".join(words[:2]) if len(words) > 1 else "",
    }
    ancestors = (rec.get("ancestors") or "").lower()
    for name, rx in _SECTION_CUES:
        if rx.search(section):
            out[name] = 1.0
        if ancestors and rx.search(ancestors):
            out["anc" + name[3:]] = 1.0  # the same cue in a heading further up
    from .baseline import keyword_scores

    for prefix, source in (("kwi", text), ("kws", section), ("kwt", rec.get("title", ""))):
        for code, score in keyword_scores(source).items():
            out[f"{prefix}_{code}"] = float(np.log1p(score))
    for code, share in (rec.get("doc_topics") or {}).items():
        out[f"kwd_{code}"] = share
    return out


def _texts(X: Sequence[dict], key: str) -> list[str]:
    return [(r.get(key) or "").lower() for r in X]


class ItemFeatures(TransformerMixin, BaseEstimator):
    """Sparse features of item records: word and character n-grams, section words, cues.

    Parameters are the usual n-gram settings; set ``char_ngrams=None`` or ``use_section=False`` or
    ``use_cues=False`` to drop a block (the report measures each).
    """

    def __init__(self, word_ngrams: tuple[int, int] = (1, 2), char_ngrams: tuple[int, int] | None = (2, 5),
                 use_section: bool = True, use_cues: bool = True, use_title: bool = True,
                 title_weight: float = 0.5, max_features: int = 20000, min_df: int = 2,
                 use_words: bool = True):
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.use_section = use_section
        self.use_cues = use_cues
        self.use_title = use_title
        self.title_weight = title_weight
        self.use_words = use_words
        self.max_features = max_features
        self.min_df = min_df

    def fit(self, X: Sequence[dict], y=None) -> ItemFeatures:
        X = list(X)
        self.word_ = None
        if self.use_words:
            self.word_ = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=tuple(self.word_ngrams),
                                         sublinear_tf=True, min_df=self.min_df, max_features=self.max_features)
        if self.word_ is not None:
            self.word_.fit(_texts(X, "text"))
        self.char_ = None
        if self.char_ngrams:
            self.char_ = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngrams),
                                         sublinear_tf=True, min_df=self.min_df,
                                         max_features=self.max_features).fit(_texts(X, "text"))
        self.section_ = None
        if self.use_section:
            self.section_ = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=(1, 2),
                                            sublinear_tf=True, min_df=self.min_df,
                                            max_features=5000).fit(_texts(X, "section") + ["_"])
        self.title_ = None
        if self.use_title:
            self.title_ = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=(1, 2),
                                          sublinear_tf=True, min_df=1,
                                          max_features=5000).fit(_texts(X, "title") + ["_"])
        self.cues_ = DictVectorizer().fit([cues(r) for r in X]) if self.use_cues else None
        for vec in (self.word_, self.char_, self.section_, self.title_):
            if vec is not None:
                if hasattr(vec, "stop_words_"):
                    del vec.stop_words_  # the dropped terms: only needed for introspection, and large
                vec.vocabulary_ = {term: int(col) for term, col in vec.vocabulary_.items()}
        self.n_features_out_ = self.transform(X[:1]).shape[1] if X else 0
        return self

    def transform(self, X: Sequence[dict]):
        check_is_fitted(self, "cues_")
        X = list(X)
        blocks = [sparse.csr_matrix((len(X), 0))]
        if self.word_ is not None:
            blocks.append(self.word_.transform(_texts(X, "text")))
        if self.char_ is not None:
            blocks.append(self.char_.transform(_texts(X, "text")))
        if self.section_ is not None:
            blocks.append(self.section_.transform(_texts(X, "section")) * 0.5)
        if self.title_ is not None:
            blocks.append(self.title_.transform(_texts(X, "title")) * self.title_weight)
        if self.cues_ is not None:
            blocks.append(self.cues_.transform([cues(r) for r in X]))
        return sparse.hstack(blocks, format="csr", dtype=np.float64)
