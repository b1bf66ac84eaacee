"""Origins and independence: which sources derive from which, and the origin groups that result.

A *derivation edge* says "source S derives from node N" and why (rule + reason). Nodes are sources
(``s:12``) or origins that are not in the workspace: an account (``x:@handle``), a Telegram
channel (``tg:name``), a publisher (``pub:name``), a web page (``url:host/path``). Sources joined
by edges, directly or through a shared node, form one *origin group*. Corroboration counts origin
groups, never sources.

Rules: 1 repost / quote / forward (post metadata from the ingest parsers) -> 2 same publisher or
account -> 3 a credit line ("— Outlet", "Source: Outlet") -> 4 a link to another source's page
(or to one page several sources link to) -> 5 near-duplicate text (MinHash LSH over word
5-shingles, ``datasketch``) -> 6 the same media file (SHA-256) -> 7 a near-identical photo
(perceptual hash within ``phash_max_distance`` bits).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dalil.search.normalise import normalise

# Edges that say who a source *is* (its publisher or account), not what it derives from.
IDENTITY_RULES = frozenset({"same_publisher", "account_name"})
# Short links whose expansion the export already gives in ``links``.
SHORTENERS = frozenset({"t.co", "bit.ly", "tinyurl.com", "ow.ly", "buff.ly"})
PROFILE_HOSTS = frozenset({"x.com", "t.me", "facebook.com", "instagram.com", "youtube.com",
                           "tiktok.com"})
PLATFORM_PUBLISHERS = frozenset({"x", "twitter", "telegram", "facebook", "youtube", "tiktok"})
SHINGLE = 5
MIN_WORDS = 12
NUM_PERM = 128

_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
_CREDIT = re.compile(
    r"^\s*(?:[—–]+|-{1,2}|source\s*:|sources\s*:|credit\s*:|via\s*:?|المصدر\s*:)\s*"
    r"(?P<name>[^\n]{2,80}?)\s*\.?\s*$", re.I | re.M)
# A wire dateline: "BANIYAS, Syria, March 8 (Levant Wire) - ..." names the agency the story is from.
_DATELINE = re.compile(r"^[^\n()]{2,80}?\((?P<name>[A-Z][^()\n]{1,40}?)\)\s*[-–—]", re.M)
_ACCORDING = re.compile(r"\b(?:according to|citing|quoted by|reported by|as reported by)\s+"
                        r"(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|al-\w+))"
                        r"{0,5})|(?:بحسب|وفقا ل|وفقاً ل|نقلا عن|نقلاً عن)\s*(?P<ar>\S+(?:\s+\S+){0,3})")


def _looks_like_name(text: str) -> bool:
    """A credited outlet is a proper name ("Coastal News Agency", "وكالة ..."), not a bullet."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        return True
    return bool(words) and all(w[0].isupper() or w.lower() in ("of", "for", "the", "and", "al")
                               or w.lower().startswith("al-") for w in words)


def name_key(name: str) -> str:
    """A publisher or account name folded for matching ("The Levant Wire" = "levant wire")."""
    key = normalise(name)
    return re.sub(r"^(?:the|al) ", "", key).strip()


def url_key(url: str) -> str | None:
    """A link folded to host + path, or None for links to a site's front page."""
    m = re.match(r"(?:https?://)?(?:www\.|m\.|mobile\.)?([^/?#\s]+)([^?#\s]*)", url.strip(), re.I)
    if not m:
        return None
    host, path = m.group(1).lower(), m.group(2).rstrip("/")
    if host in ("twitter.com", "mobile.twitter.com"):
        host = "x.com"
    if not path or host in SHORTENERS:
        return None
    if host in PROFILE_HOSTS and path.count("/") < 2:
        return None  # an account's page, not a story: linking to it is not deriving from it
    return f"{host}{path}"


@dataclass
class SourceInfo:
    """What origin detection needs to know about one source (filled from the sources table)."""

    id: int
    sha256: str
    kind: str
    publisher: str | None = None
    author: str | None = None
    origin_url: str | None = None
    published_at: str | None = None
    title: str | None = None
    external_id: str | None = None
    parent_id: int | None = None
    original_name: str = ""
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        who = self.publisher if self.publisher and self.publisher.lower() not in \
            PLATFORM_PUBLISHERS else self.author
        return f"#{self.id} {who or self.original_name or self.kind}"


@dataclass(frozen=True)
class Derivation:
    source_id: int
    node: str
    # repost | quote | forward | same_publisher | credit_line | link | near_duplicate |
    # same_media | similar_photo
    rule: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source_id": self.source_id, "node": self.node, "rule": self.rule,
                "reason": self.reason}


@dataclass
class OriginGraph:
    edges: list[Derivation]
    # source id -> origin group key (the smallest node of the group, stable across runs)
    group_of: dict[int, str]
    # group key -> human label (the earliest source, or the outside origin)
    labels: dict[str, str]
    # publisher name key -> node, so a claim "according to X" can be given X's origin
    publishers: dict[str, str]

    def node_group(self, node: str) -> str:
        if node.startswith("s:"):
            return self.group_of.get(int(node[2:]), node)
        return self._node_groups.get(node, node)

    _node_groups: dict[str, str] = field(default_factory=dict)

    def group_members(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for sid, g in sorted(self.group_of.items()):
            out[g].append(sid)
        return dict(out)

    def edges_within(self, source_ids: Iterable[int]) -> list[Derivation]:
        ids = set(source_ids)
        groups = {self.group_of[i] for i in ids if i in self.group_of}
        return [e for e in self.edges if self.group_of.get(e.source_id) in groups]


def _publisher_key(src: SourceInfo) -> str | None:
    if src.kind == "testimony":
        return f"witness:{name_key(src.author)}" if src.author else None
    if src.publisher and src.publisher.lower() not in PLATFORM_PUBLISHERS:
        return f"pub:{name_key(src.publisher)}"
    if src.author:
        platform = (src.publisher or "").lower()
        if platform in ("x", "twitter"):
            return f"x:{src.author.lower()}"
        # A Telegram channel, a PDF's author: a publisher under its name.
        return f"pub:{name_key(src.author)}"
    return None


def _shingles(text: str) -> set[bytes]:
    words = normalise(text).split()
    if len(words) < MIN_WORDS:
        return set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def _near_duplicates(sources: Sequence[SourceInfo], threshold: float
                     ) -> list[tuple[SourceInfo, SourceInfo, float]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: dict[int, Any] = {}
    by_id = {s.id: s for s in sources}
    out: list[tuple[SourceInfo, SourceInfo, float]] = []
    for src in sources:
        sh = _shingles(src.text)
        if not sh:
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=1)
        mh.update_batch(list(sh))
        for other in lsh.query(mh):
            sim = float(mh.jaccard(hashes[other]))
            if sim >= threshold:
                out.append((by_id[other], src, sim))
        lsh.insert(src.id, mh)
        hashes[src.id] = mh
    return out


def _order(a: SourceInfo, b: SourceInfo) -> tuple[SourceInfo, SourceInfo]:
    """(later, earlier): the later-published one derives from the earlier (ties: higher id)."""
    ka = (a.published_at or "9999", a.id)
    kb = (b.published_at or "9999", b.id)
    return (a, b) if ka > kb else (b, a)


def _phash_pairs(photos: Sequence[tuple[SourceInfo, int]], max_distance: int
                 ) -> list[tuple[SourceInfo, SourceInfo, int]]:
    # Pigeonhole: two 64-bit hashes within d bits agree exactly on at least one of d+1 bands,
    # so bucketing by band finds every such pair without comparing all against all.
    bands = max_distance + 1
    width = 64 // bands
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    out = []
    for x, (_, h) in enumerate(photos):
        for b in range(bands):
            shift = b * width
            w = width if b < bands - 1 else 64 - shift
            key = (b, (h >> shift) & ((1 << w) - 1))
            for y in buckets[key]:
                if (y, x) in seen:
                    continue
                seen.add((y, x))
                d = (h ^ photos[y][1]).bit_count()
                if 0 < d <= max_distance or (d == 0 and photos[y][0].sha256 != photos[x][0].sha256):
                    out.append((photos[y][0], photos[x][0], d))
            buckets[key].append(x)
    return out


def derive(sources: Sequence[SourceInfo], *, near_duplicate_threshold: float = 0.6,
           phash_max_distance: int = 8) -> OriginGraph:
    """Find every derivation edge among ``sources`` and the origin groups they form."""
    edges: list[Derivation] = []
    by_id = {s.id: s for s in sources}
    posts_by_ext: dict[str, int] = {}
    for s in sources:
        if s.kind == "post" and s.external_id:
            posts_by_ext[s.external_id] = s.id
            posts_by_ext[s.external_id.rsplit("/", 1)[-1]] = s.id
    publishers: dict[str, str] = {}
    aliases: list[tuple[str, str]] = []

    for s in sources:
        # 1 reposts, quotes, forwards
        for field_name, rule in (("repost_of", "repost"), ("quote_of", "quote"),
                                 ("forward_of", "forward")):
            origin = s.meta.get(field_name)
            if not isinstance(origin, dict):
                continue
            if field_name == "repost_of" and "forward_of" in s.meta:
                continue  # Telegram forwards are mirrored into repost_of; count them once
            handle = origin.get("handle") or origin.get("name")
            oid = origin.get("id")
            if rule != "forward" and oid and str(oid) in posts_by_ext:
                target = f"s:{posts_by_ext[str(oid)]}"
                edges.append(Derivation(s.id, target, rule,
                                        f"{rule} of post {oid} by {handle or 'unknown account'}"))
            if handle:
                platform = origin.get("platform") or (s.meta.get("platform") or "")
                node = f"x:{handle.lower()}" if platform == "x" else f"pub:{name_key(str(handle))}"
                edges.append(Derivation(s.id, node, rule, f"{rule} of {handle}"))
        # 2 same publisher / account / witness
        pk = _publisher_key(s)
        if pk:
            who = s.publisher if s.publisher and s.publisher.lower() not in \
                PLATFORM_PUBLISHERS else s.author
            edges.append(Derivation(s.id, pk, "same_publisher", f"published by {who}"))
            if pk.startswith("pub:") and s.publisher:
                publishers[name_key(s.publisher)] = pk
            elif s.author and not pk.startswith("witness:"):
                publishers[name_key(s.author)] = pk
        # An account's display name ties it to the outlet of that name (@sahel_dawn is Sahel Dawn).
        shown = s.meta.get("author_name")
        if s.kind == "post" and isinstance(shown, str) and name_key(shown) and pk:
            edges.append(Derivation(s.id, f"pub:{name_key(shown)}", "account_name",
                                    f"account {s.author} is named {shown}"))
            aliases.append((pk, f"pub:{name_key(shown)}"))
            publishers[name_key(shown)] = f"pub:{name_key(shown)}"
        # 3 credit lines, and a wire dateline in the opening lines
        own = name_key(s.publisher or "")
        for m in _DATELINE.finditer(s.text[:600]):
            key = name_key(m.group("name"))
            if key and key != own and _looks_like_name(m.group("name")):
                edges.append(Derivation(s.id, f"pub:{key}", "credit_line",
                                        f"dateline credits {m.group('name').strip()}"))
        for m in _CREDIT.finditer(s.text[-600:] if len(s.text) > 600 else s.text):
            key = name_key(m.group("name"))
            if key and key != own and len(key.split()) <= 6 and _looks_like_name(m.group("name")):
                edges.append(Derivation(s.id, f"pub:{key}", "credit_line",
                                        f"credit line names {m.group('name').strip()}"))
    # 4 links: to another source's page, or several sources to one outside page
    pages: dict[str, int] = {}
    for s in sources:
        if s.origin_url and (k := url_key(s.origin_url)):
            pages[k] = s.id
    for s in sources:
        links = set(s.meta.get("links") or []) | set(_URL.findall(s.text))
        for link in sorted(links):
            k = url_key(str(link))
            if not k or (s.origin_url and url_key(s.origin_url) == k):
                continue
            if k in pages and pages[k] != s.id:
                edges.append(Derivation(s.id, f"s:{pages[k]}", "link", f"links to {link}"))
            elif k not in pages:
                edges.append(Derivation(s.id, f"url:{k}", "link", f"links to {link}"))
    # 5 near-duplicate text
    for a, b, sim in _near_duplicates([s for s in sources if s.text], near_duplicate_threshold):
        later, earlier = _order(a, b)
        edges.append(Derivation(later.id, f"s:{earlier.id}", "near_duplicate",
                                f"text {sim:.0%} similar (MinHash of word {SHINGLE}-shingles) "
                                f"to #{earlier.id}"))
    # 6 same media file: a photo/video source, or a post whose attachment has that SHA-256
    media_by_name: dict[tuple[int | None, str], str] = {}
    for s in sources:
        if s.kind in ("photo", "video") and s.parent_id in by_id:
            export = by_id[s.parent_id].parent_id
            media_by_name[(export, s.original_name)] = s.sha256
    media_of: dict[int, set[str]] = defaultdict(set)
    for s in sources:
        if s.kind in ("photo", "video"):
            media_of[s.id].add(s.sha256)
            if s.parent_id in by_id:
                media_of[s.parent_id].add(s.sha256)
        for m in s.meta.get("media") or []:
            if isinstance(m, dict):
                if m.get("sha256"):
                    media_of[s.id].add(str(m["sha256"]))
                elif m.get("file"):
                    base = str(m["file"]).rsplit("/", 1)[-1]
                    # An attachment already in the vault is stored once, under the first post
                    # that carried it; later posts of the same export find it by file name.
                    if (s.parent_id, base) in media_by_name:
                        media_of[s.id].add(media_by_name[(s.parent_id, base)])
    # 7 near-identical photos: a picture re-encoded or resized keeps its perceptual hash.
    photos = []
    for s in sources:
        ph = s.meta.get("phash")
        if s.kind == "photo" and isinstance(ph, str) and re.fullmatch(r"[0-9a-f]{16}", ph):
            photos.append((s, int(ph, 16)))
    similar = _phash_pairs(photos, phash_max_distance)
    # Who carries each picture: the post a photo is attached to, or a loose photo itself. All
    # carriers of one picture (same bytes, or similar photos) derive from the earliest carrier.
    pic: dict[str, str] = {}

    def pfind(x: str) -> str:
        pic.setdefault(x, x)
        while pic[x] != x:
            pic[x] = pic[pic[x]]
            x = pic[x]
        return x

    why: dict[str, str] = {}
    for sid, shas in media_of.items():
        for sha in shas:
            pic[pfind(f"h:{sid}")] = pfind(f"m:{sha}")
            why.setdefault(f"h:{sid}", f"carries the same media file (SHA-256 {sha[:12]}…)")
    for a, b, d in similar:
        pic[pfind(f"m:{a.sha256}")] = pfind(f"m:{b.sha256}")
        for photo, other in ((a, b), (b, a)):
            holder = photo.parent_id if photo.parent_id in by_id else photo.id
            why[f"h:{holder}"] = (f"carries a photo that differs from photo #{other.id} by {d} of "
                                  "64 perceptual-hash bits")
    carriers: dict[str, list[int]] = defaultdict(list)
    for node in list(pic):
        if node.startswith("h:"):
            carriers[pfind(node)].append(int(node[2:]))

    def when(sid: int) -> tuple[str, int]:
        src = by_id[sid]
        parent = by_id.get(src.parent_id) if src.parent_id is not None else None
        return (src.published_at or (parent.published_at if parent else None) or "9999", sid)

    for ids in carriers.values():
        holders = sorted({i for i in ids if by_id[i].kind not in ("photo", "video")
                          or by_id[i].parent_id not in by_id} or set(ids), key=when)
        if len(holders) < 2:
            continue
        first = holders[0]
        for sid in holders[1:]:
            rule = "similar_photo" if "perceptual" in why.get(f"h:{sid}", "") else "same_media"
            edges.append(Derivation(sid, f"s:{first}", rule,
                                    why.get(f"h:{sid}", "carries the same media") +
                                    f"; first carried by #{first}"))
    # A photo or video attached to a post is part of that post.
    for s in sources:
        if s.kind in ("photo", "video") and s.parent_id in by_id and \
                by_id[s.parent_id].kind == "post":
            edges.append(Derivation(s.id, f"s:{s.parent_id}", "attachment",
                                    f"attached to post #{s.parent_id}"))
    edges = sorted(set(edges), key=lambda e: (e.source_id, e.node, e.rule, e.reason))
    return _groups(sources, edges, publishers, aliases)


def _groups(sources: Sequence[SourceInfo], edges: list[Derivation], publishers: dict[str, str],
            aliases: Sequence[tuple[str, str]] = ()) -> OriginGraph:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            # Keep the smallest key as root so group keys are stable for the same input.
            if _node_sort(rb) < _node_sort(ra):
                ra, rb = rb, ra
            parent[rb] = ra

    # A source that derives from something (a repost, a copy, a credited statement) takes the
    # origin of what it derives from; only a source that derives from nothing is an origin
    # itself, under its publisher's identity. So an outlet that once retweets a wire does not
    # become one origin with the wire for everything else it publishes.
    derived = {e.source_id for e in edges if e.rule not in IDENTITY_RULES}
    for s in sources:
        find(f"s:{s.id}")
    for a, b in aliases:
        union(a, b)  # an account and the outlet it is named after are one publisher
    for e in edges:
        if (e.rule in IDENTITY_RULES) != (e.source_id in derived):
            union(f"s:{e.source_id}", e.node)
    # Publisher/account nodes matter only when two or more sources meet there.
    members: dict[str, list[str]] = defaultdict(list)
    for node in list(parent):
        members[find(node)].append(node)
    by_id = {s.id: s for s in sources}
    group_of: dict[int, str] = {}
    labels: dict[str, str] = {}
    node_groups: dict[str, str] = {}
    src_edges: dict[int, list[Derivation]] = defaultdict(list)
    for e in edges:
        src_edges[e.source_id].append(e)
    for root, nodes in members.items():
        src_ids = sorted(int(n[2:]) for n in nodes if n.startswith("s:"))
        key = f"g{min(src_ids)}" if src_ids else root
        for n in nodes:
            node_groups[n] = key
        for sid in src_ids:
            group_of[sid] = key
        mine = [e for i in src_ids for e in src_edges[i]]
        own = {e.node for e in mine if e.rule == "same_publisher"}
        outside = sorted({e.node for e in mine if e.rule in ("repost", "quote", "forward")
                          and e.node not in own and not e.node.startswith("s:")})
        originals = [i for i in src_ids if i not in derived] or src_ids
        first = min(originals, key=lambda i: (by_id[i].published_at or "9999", i)) \
            if originals else None
        if outside:
            labels[key] = f"{outside[0][outside[0].index(':') + 1:]} (not in the workspace)"
        elif first is not None:
            labels[key] = by_id[first].label
        else:
            labels[key] = root
    graph = OriginGraph(edges=edges, group_of=group_of, labels=labels, publishers=publishers)
    graph._node_groups = node_groups
    return graph


def _node_sort(node: str) -> tuple[int, int, str]:
    if node.startswith("s:"):
        return (0, int(node[2:]), "")
    return (1, 0, node)


def cited_publisher(attributed_to: str, graph_publishers: dict[str, str]) -> str | None:
    """The origin node of a claim that credits a publisher known in the workspace, else None."""
    if not attributed_to:
        return None
    key = name_key(attributed_to)
    if key in graph_publishers:
        return graph_publishers[key]
    for pub, node in graph_publishers.items():
        # "the Sahel News Agency's statement" -> "sahel news agency"
        if len(pub) >= 4 and re.search(rf"(?:^| ){re.escape(pub)}(?: |$)", key):
            return node
    return None


def citations_in(text: str) -> list[str]:
    """Names credited with "according to X" / "citing X" (English) and بحسب / نقلا عن (Arabic)."""
    out = []
    for m in _ACCORDING.finditer(text):
        out.append((m.group("name") or m.group("ar") or "").strip())
    return [x for x in out if x]
