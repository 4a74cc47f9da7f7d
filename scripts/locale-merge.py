#!/usr/bin/env python3
"""Deep-merges translation fragments into locales/{en,es,it}.json.

Usage: scripts/locale-merge.py FRAGMENT.json [...]
A fragment is {"en": {...}, "es": {...}, "it": {...}} with nested keys; new
keys are appended, existing ones replaced. Several people may run this at
once: a lock file serialises them and each locale is replaced atomically, so
a build never reads half a file.
"""
import fcntl, json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "locales")


def merge(into, extra):
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = value


def main(paths):
    fragments = [json.load(open(p, encoding="utf-8")) for p in paths]
    with open(os.path.join(ROOT, ".merge.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for lang in ("en", "es", "it"):
            path = os.path.join(ROOT, f"{lang}.json")
            data = json.load(open(path, encoding="utf-8"))
            for fragment in fragments:
                merge(data, fragment.get(lang, {}))
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, indent=2)
                out.write("\n")
            os.replace(tmp, path)


if __name__ == "__main__":
    main(sys.argv[1:])
