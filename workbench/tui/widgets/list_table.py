"""A DataTable for lists of thousands of rows with widths known in advance (claims, review items).

Textual's DataTable measures every cell of every new row to size its columns (on a 10,000-row
table, ~50,000 Rich measurements: seconds, bench/tui_benchmark.py), even for a column whose width
was given, and re-checks its cursor after every row it adds. Here every column has a width (the
caller sets it; ``fit_column`` for the wide text column), new rows are not measured, and
``add_keyed_rows`` checks the cursor once per batch. Home and End go to the first and the last
row, as a checker expects of a list (DataTable scrolls sideways on them).

This leans on DataTable's internals (``_update_dimensions``, the row bookkeeping ``add_row``
does) as of Textual 8.2: tests/test_tui_scale.py compares it with ``add_row``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, CursorType, DuplicateKey, Row, RowKey

from workbench.tui.text import plain


class PlainCell:
    """A cell of fetched or article text: shown as it is (never parsed as markup), and made into
    a Rich ``Text`` only when drawn (a table of 10,000 rows draws the few that are visible)."""

    __slots__ = ("style", "text")

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich__(self) -> Text:
        return plain(self.text, self.style)

    def __str__(self) -> str:
        return self.text


Cell = str | Text | PlainCell
RENDERED_ROWS = 200  # rendered rows (and lines) a table keeps: about five screens' worth


class ListTable(DataTable[Cell]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    def __init__(
        self, *, id: str | None = None, cursor_type: CursorType = "row", zebra_stripes: bool = False
    ) -> None:
        super().__init__(id=id, cursor_type=cursor_type, zebra_stripes=zebra_stripes)
        # DataTable keeps 1,000 rendered rows and lines and 10,000 rendered cells: after some
        # scrolling, hundreds of thousands of objects that every full garbage collection scans
        # (pauses of 0.2 s and more, bench/tui_benchmark.py). A few screens' worth is plenty.
        for cache in (self._row_render_cache, self._row_renderable_cache, self._line_cache):
            cache.maxsize = RENDERED_ROWS
        self._cell_render_cache.maxsize = RENDERED_ROWS * 8

    def add_keyed_rows(self, rows: Iterable[tuple[str, Sequence[Cell]]]) -> None:
        """``add_row(*cells, key=key)`` for every ``(key, cells)``, one line high, without a label."""
        was_empty = self.row_count == 0
        columns = self.ordered_columns
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            self._row_locations[row_key] = len(self.rows)
            self._data[row_key] = {column.key: cell for column, cell in zip_longest(columns, cells)}
            self.rows[row_key] = Row(row_key, 1, None, False)
            self._new_rows.add(row_key)
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate  # once: add_row does this after every row
        if was_empty and self.row_count and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()

    def fit_column(self, key: str, cells: Iterable[Cell], *, least: int = 10, most: int = 200) -> None:
        """Give column ``key`` the width of its widest cell (between ``least`` and ``most``)."""
        widest = least
        for cell in cells:
            widest = max(widest, cell_len(cell.plain if isinstance(cell, Text) else str(cell)))
            if widest >= most:  # no wider than that: the other cells need not be measured
                break
        column = self.columns[ColumnKey(key)]
        column.width = max(least, min(most, widest))
        column.auto_width = False
        self._require_update_dimensions = True
        self.refresh()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        added = (self.rows.get(key) for key in new_rows)
        if any(column.auto_width for column in self.columns.values()) or any(
            row is not None and (row.auto_height or row.label is not None) for row in added
        ):
            super()._update_dimensions(new_rows)  # some width or height to find out: measure
            return
        # every column's width is given and every row is one line: only the virtual size changes
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header)
