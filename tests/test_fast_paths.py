"""The mojibake repair's fast paths: byte tables for the lost-byte constraint, suspect lines by pre-check."""

from __future__ import annotations

from cleantext.repair.mojibake import KINDS, _candidates, _lost_row, _suspect_lines


def test_lost_row_reads_the_wrong_codec() -> None:
    row = _lost_row("gbk", 0x41, bytes([0xD6, 0x41, 0xFF]))
    assert (row[0xD6], row[0x41], row[0xFF]) == (0, 0, 1)  # D6 41 is a pair, 41 reads alone, FF leads none
    assert _lost_row("gbk", -1, bytes([0x41]))[0x41] == 1  # an unknown next byte: taken as lost


def _gbk_reads(data: bytes) -> bool:
    try:
        data.decode("gbk")
        return True
    except UnicodeDecodeError:
        return False


def test_candidates_honour_the_lost_byte_constraint() -> None:
    utf8_as_gbk = KINDS[0]
    free = _candidates(utf8_as_gbk, (0xE4, 0xB8, -2), 0x41)
    constrained = _candidates(utf8_as_gbk, (0xE4, 0xB8, -1), 0x41)
    assert constrained and constrained != free
    # GBK gave '?' for the lost byte: it could not read that byte together with the next one (0x41)
    assert all(not _gbk_reads(bytes([ch.encode("utf-8")[2], 0x41])) for ch in constrained)
    assert any(_gbk_reads(bytes([ch.encode("utf-8")[2], 0x41])) for ch in free)
    # both lost bytes unknown: the middle one's next byte varies by character
    both = _candidates(utf8_as_gbk, (0xE4, -1, -1), 0x41)
    assert both and all(not _gbk_reads(ch.encode("utf-8")[1:]) for ch in both)


def test_suspect_lines_finds_only_damaged_lines() -> None:
    assert _suspect_lines("干净的一行\n鍙戝竷浜嗘枃绔\n") == [1]
    assert _suspect_lines("干净的一行\n另一行也干净\n") == []
    assert _suspect_lines("ä¸\xadæ–‡ç½‘ä¸\xadæ–‡\nplain") == [0]
