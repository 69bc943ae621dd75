"""Refresh the site's own copy of Mermaid from the npm package.

The site never loads Mermaid from a CDN: the ESM build and its lazily loaded
chunks are committed under docs/assets/vendor/mermaid/ (mermaid2 requires the
library to live under docs_dir). Run this only to change the version:

    python scripts/vendor_mermaid.py 11.17.2

It needs `npm` (install time only); the build and the tests never do.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "vendor" / "mermaid"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="exact Mermaid version, e.g. 11.17.2")
    args = parser.parse_args(argv)
    if shutil.which("npm") is None:
        print("error: npm is not installed; it is needed only to refresh the copy", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", "--silent", f"mermaid@{args.version}"], cwd=tmp, check=True,
            stdout=subprocess.DEVNULL,
        )
        tarball = next(Path(tmp).glob("mermaid-*.tgz"))
        with tarfile.open(tarball) as archive:
            archive.extractall(tmp, filter="data")
        package = Path(tmp) / "package"
        staging = Path(tmp) / "staging"
        chunks = staging / "chunks" / "mermaid.esm.min"
        chunks.mkdir(parents=True)
        shutil.copy2(package / "dist" / "mermaid.esm.min.mjs", staging)
        for chunk in sorted((package / "dist" / "chunks" / "mermaid.esm.min").glob("*.mjs")):
            shutil.copy2(chunk, chunks)
        shutil.copy2(package / "LICENSE", staging / "LICENSE")
        digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
        (staging / "VERSION").write_text(
            f"mermaid {args.version}\nnpm tarball sha256 {digest}\n", encoding="utf-8"
        )
        # Replace the old copy only once the new one is complete.
        if TARGET.exists():
            shutil.rmtree(TARGET)
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), TARGET)
    print(f"mermaid {args.version} -> {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
