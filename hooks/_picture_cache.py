"""Pictures drawn at build time (diagrams' SVG, link-preview cards' PNG), kept in a folder
next to mkdocs.yml that is committed: named by a digest of everything that decides the
picture, so a writer without Chromium builds the same site and a rebuild draws only what
changed; what no page used in a full build is stale.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PictureCache:
    folder: Path  # diagram-cache/, card-cache/
    suffix: str  # ".svg", ".png"
    used: set[str] = field(default_factory=set)  # names (stems) of the pictures this build needed

    def path(self, decided: list) -> Path:
        """Where the picture decided by `decided` (JSON values: versions, options, texts) is kept."""
        material = json.dumps(decided, ensure_ascii=False, sort_keys=True)
        return self.folder / f"{hashlib.sha256(material.encode('utf-8')).hexdigest()[:32]}{self.suffix}"

    def use(self, path: Path) -> Path:
        self.used.add(path.stem)
        return path

    def keep(self, path: Path, picture: bytes) -> Path:
        """A picture drawn this build, kept under its name and counted as used."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(picture)
        return self.use(path)

    def stale(self) -> list[Path]:
        """Kept pictures no page of this build used."""
        if not self.folder.is_dir():
            return []
        return sorted(path for path in self.folder.glob(f"*{self.suffix}") if path.stem not in self.used)
