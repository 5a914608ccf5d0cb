#!/usr/bin/env python3
"""Who holds the big arrays in a JVM heap dump: a small HPROF reader (Python 3 stdlib only).

Usage:
  jcmd PID GC.heap_dump /tmp/host.hprof        # live objects only (a full GC first)
  benchmarks/hprof-paths.py /tmp/host.hprof [--min-bytes 65536] [--retained-by CLASS ...]

Prints a class histogram (shallow sizes), then for every array of at least --min-bytes the
shortest reference path from a GC root, grouped by path (array indices folded to [i]), and, for
each --retained-by class, how many instances there are and what they alone keep alive (the
objects no longer reachable once those instances are taken out of the graph).

Sizes are estimates: 16 bytes of header per object plus its fields or elements (4-byte references
in arrays, as with compressed oops). Good enough to rank owners, not to the byte. Written for
docs/RELIABILITY.md ("Scrapes a client gave up on"); reads the HPROF 1.0.2 format the JDK writes.
"""
import argparse, collections, struct, sys

PRIM = {4: "boolean[]", 5: "char[]", 6: "float[]", 7: "double[]", 8: "byte[]", 9: "short[]",
        10: "int[]", 11: "long[]"}


class Heap:
    def __init__(self, path):
        data = open(path, "rb").read()
        i = data.index(b"\0") + 1
        ids = struct.unpack_from(">I", data, i)[0]
        i += 12
        fmt = ">Q" if ids == 8 else ">I"
        rid = lambda o: struct.unpack_from(fmt, data, o)[0]
        u4 = lambda o: struct.unpack_from(">I", data, o)[0]
        self.tsize = tsize = {2: ids, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
        strings, classname = {}, {}
        self.classes = classes = {}  # id -> (super, [(field name, type)], [static refs])
        self.objs = objs = {}  # id -> (kind i/o/p, class id or element type, offset, length)
        self.roots = roots = []
        # sub-record tag -> bytes after the object id, for GC roots
        root_rest = {0xFF: 0, 0x01: ids, 0x02: 8, 0x03: 8, 0x04: 4, 0x05: 0, 0x06: 4, 0x07: 0, 0x08: 8}
        root_kind = {0xFF: "unknown", 0x01: "jni-global", 0x02: "jni-local", 0x03: "java-frame",
                     0x04: "native-stack", 0x05: "sticky-class", 0x06: "thread-block",
                     0x07: "monitor", 0x08: "thread"}
        while i < len(data):
            tag, length = data[i], u4(i + 5)
            body, i = i + 9, i + 9 + length
            if tag == 0x01:
                strings[rid(body)] = data[body + ids:body + length].decode("utf-8", "replace")
            elif tag == 0x02:
                classname[rid(body + 4)] = rid(body + 8 + ids)
            elif tag in (0x0C, 0x1C):
                j, end = body, body + length
                while j < end:
                    st = data[j]
                    j += 1
                    if st in root_rest:
                        roots.append((rid(j), root_kind[st]))
                        j += ids + root_rest[st]
                    elif st == 0x20:
                        cid, sup = rid(j), rid(j + 4 + ids)
                        j += 4 + 7 * ids + 4  # stack, super .. reserved ids, instance size
                        n = struct.unpack_from(">H", data, j)[0]
                        j += 2
                        for _ in range(n):  # constant pool: u2 index, u1 type, value
                            j += 3 + tsize[data[j + 2]]
                        n = struct.unpack_from(">H", data, j)[0]
                        j += 2
                        statics = []
                        for _ in range(n):
                            t = data[j + ids]
                            if t == 2 and rid(j + ids + 1):
                                statics.append((strings.get(rid(j), "?"), rid(j + ids + 1)))
                            j += ids + 1 + tsize[t]
                        fields = []
                        n = struct.unpack_from(">H", data, j)[0]
                        j += 2
                        for _ in range(n):
                            fields.append((rid(j), data[j + ids]))
                            j += ids + 1
                        classes[cid] = (sup, fields, statics)
                    elif st == 0x21:
                        oid, cid, n = rid(j), rid(j + 4 + ids), u4(j + 4 + 2 * ids)
                        off = j + 8 + 2 * ids
                        objs[oid] = ("i", cid, off, n)
                        j = off + n
                    elif st == 0x22:
                        oid, n, cid = rid(j), u4(j + 4 + ids), rid(j + 8 + ids)
                        off = j + 8 + 2 * ids
                        objs[oid] = ("o", cid, off, n)
                        j = off + n * ids
                    elif st == 0x23:
                        oid, n, t = rid(j), u4(j + 4 + ids), data[j + 8 + ids]
                        off = j + 9 + ids
                        objs[oid] = ("p", t, off, n)
                        j = off + n * tsize[t]
                    else:
                        raise ValueError("unknown heap dump sub-record 0x%x at %d" % (st, j))
        self.strings = strings
        self.names = {c: strings.get(n, "?").replace("/", ".") for c, n in classname.items()}
        self.data, self.rid, self.ids = data, rid, ids
        self.layouts = {}

    def refs(self, oid):
        """(field name, referenced id) for every non-null reference of an object or class."""
        o = self.objs.get(oid)
        if o is None:
            return list(self.classes[oid][2]) if oid in self.classes else []
        kind, cid, off, n = o
        if kind == "p":
            return []
        if kind == "o":
            return [("[i]", r) for r in (self.rid(off + k * self.ids) for k in range(n)) if r]
        if cid not in self.layouts:
            layout, c = [], cid
            while c and c in self.classes:
                layout.extend(self.classes[c][1])
                c = self.classes[c][0]
            self.layouts[cid] = layout
        out, p = [], off
        for name, t in self.layouts[cid]:
            if t == 2:
                r = self.rid(p)
                if r:
                    out.append((self.strings.get(name, "?"), r))
            p += self.tsize[t]
        return out

    def size(self, oid):
        kind, cid, off, n = self.objs[oid]
        return 16 + (n if kind == "i" else n * (4 if kind == "o" else self.tsize[cid]))

    def type(self, oid):
        if oid in self.classes:
            return "class " + self.names.get(oid, "?")
        kind, cid, _, _ = self.objs[oid]
        return PRIM[cid] if kind == "p" else self.names.get(cid, "?")

    def known(self, oid):
        return oid in self.objs or oid in self.classes

    def reachable(self, blocked=frozenset()):
        seen, stack = set(), [o for o, _ in self.roots if self.known(o)]
        while stack:
            x = stack.pop()
            if x in seen or x in blocked:
                continue
            seen.add(x)
            stack.extend(r for _, r in self.refs(x) if self.known(r))
        return seen


def main():
    a = argparse.ArgumentParser()
    a.add_argument("dump")
    a.add_argument("--min-bytes", type=int, default=65536)
    a.add_argument("--retained-by", action="append", default=[], metavar="CLASS")
    a.add_argument("--top", type=int, default=15, help="histogram lines")
    args = a.parse_args()
    h = Heap(args.dump)

    hist, count = collections.Counter(), collections.Counter()
    for oid in h.objs:
        hist[h.type(oid)] += h.size(oid)
        count[h.type(oid)] += 1
    print("%d objects, ~%.1f MB (shallow)" % (len(h.objs), sum(hist.values()) / 2**20))
    for t, b in hist.most_common(args.top):
        print("  %11d B %8d  %s" % (b, count[t], t))

    # shortest paths from the roots, breadth first
    parent, kind, queue = {}, {}, collections.deque()
    for oid, k in h.roots:
        if h.known(oid) and oid not in parent:
            parent[oid], kind[oid] = None, k
            queue.append(oid)
    while queue:
        x = queue.popleft()
        for name, y in h.refs(x):
            if y not in parent and h.known(y):
                parent[y] = (x, name)
                queue.append(y)
    big = [o for o, v in h.objs.items() if v[0] != "i" and h.size(o) >= args.min_bytes]
    print("\narrays of at least %d bytes: %d, %.1f MB" % (args.min_bytes, len(big),
                                                          sum(map(h.size, big)) / 2**20))
    groups, gbytes = collections.Counter(), collections.Counter()
    for o in big:
        chain, x = [h.type(o)], o
        while x in parent and parent[x] is not None:
            x, name = parent[x]
            chain.append("%s.%s" % (h.type(x), name))
        chain.append("ROOT(%s)" % kind.get(x, "unreachable"))
        # a bucket's chain of HashMap nodes is one step for the reader
        key = " <- ".join(c for c in chain if not c.endswith("HashMap$Node.next"))
        groups[key] += 1
        gbytes[key] += h.size(o)
    for key, b in gbytes.most_common():
        print("\n%d arrays, %.1f MB:\n  %s" % (groups[key], b / 2**20, key.replace(" <- ", "\n    <- ")))

    if args.retained_by:
        everything = h.reachable()
        for cname in args.retained_by:
            inst = {o for o, v in h.objs.items() if v[0] == "i" and h.names.get(v[1]) == cname}
            kept = [o for o in everything - h.reachable(inst) if o in h.objs]
            b = sum(map(h.size, kept))
            print("\n%s: %d instances retain %d objects, %.1f KB (%.1f KB each)"
                  % (cname, len(inst), len(kept), b / 1024, b / 1024 / max(1, len(inst))))
        print("live: %.1f MB" % (sum(h.size(o) for o in everything if o in h.objs) / 2**20))


if __name__ == "__main__":
    sys.exit(main())
