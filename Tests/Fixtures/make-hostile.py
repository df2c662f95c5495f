"""Makes one hostile input for the tests: python3 make-hostile.py CASE OUT_DIR GOOD_REPORT
Writes archives into OUT_DIR holding the hostile entry and the good report (named good.txt),
with Python's tarfile/zipfile (which write what real tools write) or raw bytes where no tool will."""
import io
import os
import sys
import tarfile
import zipfile

case, out, good_path = sys.argv[1], sys.argv[2], sys.argv[3]
good = open(good_path, "rb").read()
os.makedirs(out, exist_ok=True)


def tar(name, entries, mode="w:gz", **options):
    """entries: (name, bytes or None for a special member, TarInfo type)"""
    with tarfile.open(os.path.join(out, name), mode, **options) as archive:
        for entry_name, data, kind, *rest in entries:
            info = tarfile.TarInfo(entry_name)
            info.type = kind
            if rest:
                info.linkname = rest[0]
            if data is not None:
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
            else:
                archive.addfile(info)


def zipped(name, entries):
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as archive:
        for entry_name, data in entries:
            archive.writestr(entry_name, data)


REG = tarfile.REGTYPE
if case == "traversal":
    tar("t.tar.gz", [("../../escape.txt", good + b"\n", REG), ("good.txt", good, REG)])
elif case == "absolute":
    zipped("a.zip", [("/abs/x.txt", good + b"\n"), ("..\\..\\x.txt", good + b"\n\n"), ("good.txt", good)])
elif case == "links":
    tar("l.tar", [("sym", None, tarfile.SYMTYPE, "/etc/passwd"), ("hard", None, tarfile.LNKTYPE, "../../etc/shadow"), ("good.txt", good, REG)], mode="w")
elif case == "zipbomb":
    with zipfile.ZipFile(os.path.join(out, "bomb.zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("bomb.txt", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(100):
                member.write(block)
        archive.writestr("good.txt", good)
elif case == "ratio":
    zipped("r.zip", [("zeros.txt", b"\0" * (20 << 20)), ("good.txt", good)])
elif case == "longline":
    tar("line.tar.gz", [("line.txt", b"a" * (50 << 20), REG), ("good.txt", good, REG)])
elif case == "linebombs":
    # Line ends alone, and CR LF pairs (each one line), past the shipped max_entry_lines (1,000,000); a few kilobytes zipped.
    zipped("n.zip", [("feeds.txt", b"\n" * 1_000_001), ("pairs.txt", b"\r\n" * 1_000_001), ("good.txt", good)])
elif case == "badutf8":
    with tarfile.open(os.path.join(out, "u.tar"), "w", encoding="utf-8", errors="surrogateescape") as archive:
        for entry_name, data in [(b"bad\xffname.txt".decode("utf-8", "surrogateescape"), good.replace(b"HMIC", b"HMIC\xff", 1)), ("good.txt", good)]:
            info = tarfile.TarInfo(entry_name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
elif case == "control":
    tar("c.tar", [("a\x1b[31mred\x07.txt", good + b"\n", REG), ("good.txt", good, REG)], mode="w")
elif case == "samename":
    tar("s.tar", [("good.txt", good, REG), ("good.txt", b"Minutes of the panel.\n", REG)], mode="w")
elif case == "empties":
    tar("e.tar.gz", [(f"empty/{i:05d}.txt", b"", REG) for i in range(10000)] + [("good.txt", good, REG)])
elif case == "nested":
    data = good
    name = "good.txt"
    for level in range(14):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(name, data)
        data, name = buffer.getvalue(), f"level{level}.zip"
    zipped("n.zip", [("deep.zip", data), ("good.txt", good)])
elif case == "devices":
    tar("d.tar", [("fifo", None, tarfile.FIFOTYPE), ("tty", None, tarfile.CHRTYPE), ("disk", None, tarfile.BLKTYPE), ("good.txt", good, REG)], mode="w")
elif case == "png":
    tar("p.tar", [("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, REG), ("good.txt", good, REG)], mode="w")
elif case == "emptyfiles":
    open(os.path.join(out, "empty.zip"), "wb").close()
    open(os.path.join(out, "notreally.zip"), "wb").write(b"This is not an archive, just a note.\n")
    open(os.path.join(out, "good.txt"), "wb").write(good)
else:
    sys.exit(f"unknown case {case}")
