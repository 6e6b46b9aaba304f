"""Reading Epoch AI's CSV: each quirk of the real file on a hand-made one, and each kind of file
that is not the dataset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from genai_atlas.data.epoch_csv import (
    EpochFileError,
    ReadCancelled,
    parse_epoch_csv,
    read_epoch_csv,
    split_list,
    web_links,
)

from ..epoch_files import COLUMNS, csv_text, model_row, write_csv


def parse(text: str) -> object:
    return parse_epoch_csv(text.encode("utf-8"), "test.csv")


def test_columns_are_read_by_name_in_any_order_with_extra_ones(tmp_path: Path) -> None:
    columns = ["Unknown extra", *reversed(COLUMNS), "Another extra"]
    row = model_row("Quokka-7B", Organization="Marsupial AI")
    row["Training compute (FLOP)"] = "1.5e+23"
    found = read_epoch_csv(write_csv(tmp_path / "m.csv", [row], columns))
    (model,) = found.rows
    assert model.name == "Quokka-7B"
    assert model.organisations == ("Marsupial AI",)
    assert model.training_compute_flop == 1.5e23
    assert model.parameters == 7e9
    assert model.publication_date == "2024-03-01"
    assert found.columns[0] == "Unknown extra"


def test_bom_and_crlf_and_fields_spanning_lines(tmp_path: Path) -> None:
    rows = [
        model_row("Wombat\r\n", Abstract="First paragraph.\r\n\r\nSecond paragraph."),
        model_row("Numbat", Parameters_notes="12B, of which\r\n2B active"),
    ]
    path = write_csv(tmp_path / "m.csv", rows, line_end="\r\n", bom=True)
    found = read_epoch_csv(path)
    assert [row.name for row in found.rows] == ["Wombat", "Numbat"]
    assert found.rows[0].abstract == "First paragraph.\n\nSecond paragraph."
    assert found.rows[1].parameters_notes == "12B, of which\n2B active"
    # Line numbers are where each record starts: Wombat's name spans lines 2-3, its abstract
    # 3 more, so Numbat starts on line 6.
    assert [row.line for row in found.rows] == [2, 6]


def test_trailing_whitespace_is_trimmed_everywhere() -> None:
    found = parse(
        csv_text(
            [
                model_row(
                    "  Solar Flare 9B\n",
                    Organization="Sunny Labs ",
                    Model_accessibility="API access\n",
                    Reference=" A title \n",
                )
            ]
        )
    )
    (row,) = found.rows  # type: ignore[attr-defined]
    assert row.name == "Solar Flare 9B"
    assert row.organisations == ("Sunny Labs",)
    assert row.accessibility == "API access"
    assert row.reference == "A title"


def test_lists_are_split_trimmed_and_deduplicated_in_order() -> None:
    row = model_row(
        "Koala",
        Organization="Beta Lab,Alpha Lab, Beta Lab ,",
        Domain="Vision,Language,Vision",
        Task="Chat, Chat,Translation",
    )
    row["Country (of organization)"] = "Atlantis,Atlantis,Lemuria,Atlantis"
    (model,) = parse(csv_text([row])).rows  # type: ignore[attr-defined]
    assert model.organisations == ("Beta Lab", "Alpha Lab")
    assert model.domains == ("Vision", "Language")
    assert model.tasks == ("Chat", "Translation")
    assert model.countries == ("Atlantis", "Lemuria")
    assert split_list("") == ()


def test_empty_and_non_numeric_numbers_are_none_and_noted() -> None:
    rows = [
        model_row("Empty numbers", Parameters=""),
        model_row("Words", Parameters="about 7B"),
        model_row("Not finite", Parameters="nan"),
        model_row("Negative", Parameters="-5"),
    ]
    rows[0]["Training compute (FLOP)"] = ""
    found = parse(csv_text(rows))
    assert [row.parameters for row in found.rows] == [None, None, None, None]  # type: ignore[attr-defined]
    assert found.rows[0].training_compute_flop is None  # type: ignore[attr-defined]
    assert [(remark.line, remark.text) for remark in found.remarks] == [  # type: ignore[attr-defined]
        (3, "Parameters 'about 7B' is not a number; left empty"),
        (4, "Parameters 'nan' is not a number; left empty"),
        (5, "Parameters '-5' is not a number; left empty"),
    ]


def test_a_bad_date_is_left_empty_and_noted() -> None:
    found = parse(csv_text([model_row("Dated", Publication_date="last spring")]))
    assert found.rows[0].publication_date is None  # type: ignore[attr-defined]
    assert found.remarks[0].text == "Publication date 'last spring' is not a date; left empty"  # type: ignore[attr-defined]


def test_only_web_links_are_kept() -> None:
    assert web_links("https://a.example/x\n\nhttp://b.example/y ") == (
        "https://a.example/x",
        "http://b.example/y",
    )
    assert web_links("javascript:alert(1) file:///etc/passwd arxiv.org/abs/1 https://") == ()
    (model,) = parse(csv_text([model_row("Linked", Link="ftp://x.example data:text/html,hi")])).rows  # type: ignore[attr-defined]
    assert model.links == ()


def test_rows_that_cannot_be_used_are_skipped_with_their_line_and_reason() -> None:
    text = csv_text(
        [
            model_row("Kept"),
            model_row("  \n"),
            model_row("Kept \n"),
            model_row("x" * 301),
        ]
    )
    text += "Too,few,fields\n"
    found = parse(text)
    assert [row.name for row in found.rows] == ["Kept"]  # type: ignore[attr-defined]
    assert [(s.line, s.reason) for s in found.skipped] == [  # type: ignore[attr-defined]
        (3, "the Model column is empty"),
        (5, "the model 'Kept' is already on line 2"),
        (7, "the model name is longer than 300 characters"),
        (8, f"it has 3 fields where the header has {len(COLUMNS)}"),
    ]


def test_blank_lines_are_no_records() -> None:
    text = csv_text([model_row("A")]) + "\n\n" + csv_text([model_row("B")]).split("\n", 1)[1]
    found = parse(text)
    assert [(row.name, row.line) for row in found.rows] == [("A", 2), ("B", 5)]  # type: ignore[attr-defined]
    assert found.skipped == ()  # type: ignore[attr-defined]


def test_newest_publication_date() -> None:
    found = parse(csv_text([model_row("Old", Publication_date="1999-01-01"), model_row("New")]))
    assert found.newest_publication_date == "2024-03-01"  # type: ignore[attr-defined]


# --- files that are not the dataset -----------------------------------------------------------


def _header_without(column: str) -> bytes:
    columns = [name for name in COLUMNS if name != column]
    return csv_text([model_row("A")], columns).encode()


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "Cannot import test.csv: the file is empty; it is not Epoch AI's model data"),
        (b"\xef\xbb\xbf \r\n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "it holds binary data"),
        (b"Model,Domain\n\xff\xfe oops\n", "it is not UTF-8 text (byte 0xff at offset 13)"),
        (
            csv_text([model_row("A", Frontier_model="yes, it is")]).encode()[:-6],
            "a quoted field that starts by line 2 is never closed (the file is cut off)",
        ),
        (_header_without("Model"), "it has no 'Model' column, so it is not Epoch AI's"),
        (
            b"Name,Year\nfoo,2020\n",
            "it has no 'Model', 'Organization', 'Publication date', 'Domain', 'Parameters', "
            "'Training compute (FLOP)', 'Model accessibility' columns",
        ),
    ],
    ids=["empty", "blank", "binary", "not-utf8", "truncated-quote", "no-model", "other-csv"],
)
def test_a_file_that_is_not_the_dataset_is_refused_in_one_sentence(
    raw: bytes, message: str
) -> None:
    with pytest.raises(EpochFileError) as caught:
        parse_epoch_csv(raw, "test.csv")
    text = str(caught.value)
    assert message in text
    assert "\n" not in text


def test_a_truncated_real_looking_file_names_the_problem(tmp_path: Path) -> None:
    rows = [model_row(f"M{i}", Abstract="Long text, with a comma") for i in range(5)]
    raw = csv_text(rows).encode()
    cut = raw[: raw.rindex(b"Long text") + 4]
    path = tmp_path / "cut.csv"
    path.write_bytes(cut)
    with pytest.raises(EpochFileError, match=r"^Cannot import cut\.csv: a quoted field"):
        read_epoch_csv(path)


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(EpochFileError, match="there is no such file"):
        read_epoch_csv(tmp_path / "missing.csv")
    with pytest.raises(EpochFileError, match="it is a folder"):
        read_epoch_csv(tmp_path)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    with pytest.raises(EpochFileError, match="it is not a regular file"):
        read_epoch_csv(fifo)


def test_cancelled_between_rows() -> None:
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ReadCancelled):
        parse_epoch_csv(
            csv_text([model_row(f"M{i}") for i in range(10)]).encode(), cancelled=cancelled
        )
    assert len(asked) == 3


def test_progress_is_reported_a_few_dozen_times_at_most() -> None:
    reports: list[tuple[int, int]] = []
    parse_epoch_csv(
        csv_text([model_row(f"M{i}") for i in range(2000)]).encode(),
        progress=lambda done, total: reports.append((done, total)),
    )
    assert 2 <= len(reports) <= 45
    assert reports[-1] == (2001, 2001)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
