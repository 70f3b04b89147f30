"""Build ``bench/langid_dev.tsv``: short sentences labelled Indonesian or English, split into a
tuning half and a test half by a hash of the text, so the split never depends on the identifier.

    .venv/bin/python bench/langid_build_set.py

Origins: sentences we wrote for this set (``own``, below), and the sentences of the project's own
texts: the built-in cases' articles and pages, the claim test articles and the matching development
set. Each sentence also gives a claim-length fragment (its first five words), the kind of text the
matcher identifies per claim. Run once, before the identifier was changed; the file is committed.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "langid_dev.tsv"

OWN_ID = """
Microsoft mengatakan serangan terjadi.
Pemerintah membangun 1.500 rumah baru.
Harga beras naik lagi.
Banjir merendam tiga desa di Kabupaten Bekasi.
Polisi menangkap dua tersangka pencurian.
Gubernur meresmikan jembatan baru.
Warga mengeluhkan pemadaman listrik.
Presiden menandatangani peraturan baru soal pajak.
Sekolah diliburkan selama sepekan.
Kereta cepat beroperasi penuh bulan depan.
Pemerintah kota menaikkan tarif parkir.
Petani kesulitan mendapatkan pupuk bersubsidi.
Menteri Keuangan membantah kabar tersebut.
Ribuan buruh berunjuk rasa di depan gedung DPR.
Inflasi tahunan tercatat 2,3 persen.
Perusahaan itu merumahkan 300 karyawan.
Gempa bermagnitudo 5,2 mengguncang Lombok.
Jalan tol Trans Jawa dipadati pemudik.
BPS mencatat ekspor turun 4 persen.
Dinas Kesehatan mengimbau warga memakai masker.
Timnas Indonesia menang 2-0 atas Vietnam.
Pasokan air bersih terganggu sejak Senin.
Bank Indonesia mempertahankan suku bunga acuan.
Kebakaran hutan meluas ke Kalimantan Tengah.
Pemkot Surabaya menyiapkan 40 bus listrik.
Anggaran pendidikan dinaikkan menjadi Rp 660 triliun.
Pelabuhan Tanjung Priok ditutup sementara.
Harga cabai melonjak menjelang Lebaran.
KPK memeriksa pejabat Kementerian Pertanian.
Pembangunan bendungan ditargetkan rampung tahun ini.
Kata dia, proyek itu molor.
Ujarnya singkat.
Mereka menolak rencana relokasi.
Kami belum menerima laporan resmi.
Vaksinasi dilanjutkan pekan depan.
Pendaftaran dibuka secara daring.
Startup lokal menggalang dana Rp 100 miliar.
Maskapai membatalkan puluhan penerbangan.
Data pribadi pelanggan bocor di internet.
Smartphone baru Contoso dijual Rp 4 juta.
Tim SAR mengevakuasi korban longsor.
Bupati Sleman meninjau lokasi banjir.
Kasus demam berdarah meningkat tajam.
Pembeli mengeluhkan antrean panjang.
Ombudsman menemukan maladministrasi layanan publik.
Google dan Meta diminta membayar berita.
Sidang ditunda hingga Kamis.
Ekonomi tumbuh 5,1 persen pada kuartal kedua.
Pemerintah menyalurkan bantuan sosial tunai.
Program makan siang gratis dimulai Januari.
Pekerja migran dipulangkan dari Malaysia.
Pesawat tergelincir saat mendarat.
Kapolda Metro Jaya memimpin apel pasukan.
Mahasiswa menuntut transparansi anggaran kampus.
Gedung itu terbakar dini hari.
Ekspor nikel dilarang mulai 2020.
Pengunjung Candi Borobudur dibatasi.
Warganet ramai membahas video tersebut.
Kemenkes mencatat 12 kasus baru.
Pemadam kebakaran berhasil menjinakkan api.
"""

OWN_EN = """
The minister denied the report.
Prices rose again in March.
Police arrested two suspects.
Floods hit three villages.
The company laid off 300 workers.
Microsoft said the attack happened on Friday.
The government will build 1,500 new homes.
Shares fell sharply after the announcement.
Schools closed for a week.
The council approved the budget.
Inflation eased to 2.3 percent.
Rescue teams searched the rubble overnight.
Officials declined to comment.
The airline cancelled dozens of flights.
Exports dropped 4 percent last year.
Indonesia beat Vietnam 2-0.
The bridge reopened on Monday.
Customers complained about long queues.
The court adjourned until Thursday.
A magnitude 5.2 earthquake struck Lombok.
The central bank held interest rates.
Wildfires spread across Central Kalimantan.
Contoso sells the phone for $300.
Jakarta banned plastic bags in 2020.
Tesla and BYD cut prices again.
Turnout reached 81 percent.
Nobody was injured.
Talks resumed in Geneva.
The project is behind schedule.
We have not received an official report.
They rejected the relocation plan.
Vaccinations resume next week.
Registration opens online.
A local startup raised $6 million.
Customer data leaked online.
Dengue cases rose sharply.
The hearing was postponed.
The economy grew 5.1 percent in the second quarter.
Migrant workers were sent home from Malaysia.
The plane skidded on landing.
Students demanded budget transparency.
The building caught fire before dawn.
Nickel exports were banned from 2020.
Visitor numbers at Borobudur were capped.
Firefighters put out the blaze.
Unemployment fell to its lowest level since 2019.
The mayor opened a new hospital wing.
Bond yields climbed for a third day.
Parliament passed the bill on Tuesday.
Power was restored by evening.
Ford recalled 40,000 trucks.
Oil prices slipped below $80.
Protesters gathered outside parliament.
The storm knocked out power to thousands.
Heavy rain flooded parts of Jakarta.
Analysts expect a rate cut.
Netflix raised subscription prices.
The ceasefire held overnight.
Authorities evacuated coastal towns.
Wages lagged behind inflation.
"""

# (path, label) of the project's own texts; lines starting "EN: "/"ID: " are read by their prefix.
FILES = [
    ("sources/contoso-demo/article.id.txt", "id"),
    ("sources/microsoft-russia-2022/article.id.txt", "id"),
    ("tests/claims/data/article.id.txt", "id"),
    ("tests/claims/data/article.en.txt", "en"),
    ("tests/claims/data/retired.id.txt", "id"),
    ("tests/claims/data/retired.en.txt", "en"),
]
HTML_PAGES = "sources/contoso-demo/site/v1"
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_TAG = re.compile(r"<[^>]+>")


def sentences(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        for piece in _SENTENCE_END.split(line.strip()):
            piece = piece.strip()
            if len(piece.split()) >= 3 and not piece.startswith("#"):
                found.append(piece)
    return found


def page_sentences(root: Path) -> list[str]:
    found = []
    for page in sorted(root.rglob("*.html")):
        body = page.read_text(encoding="utf-8")
        for block in re.findall(r"<(?:p|h1|h2|li)[^>]*>(.*?)</(?:p|h1|h2|li)>", body, re.S):
            found.extend(sentences(" ".join(_TAG.sub("", block).split())))
    return found


def main() -> None:
    rows: dict[str, tuple[str, str]] = {}  # text -> (label, origin)

    def add(text: str, label: str, origin: str) -> None:
        text = " ".join(text.split()).replace("\t", " ")
        if len(text.split()) < 3 or text in rows:
            return
        rows[text] = (label, origin)
        words = text.split()
        if len(words) > 7:
            rows.setdefault(" ".join(words[:5]), (label, origin + "-fragment"))

    for line in OWN_ID.strip().splitlines():
        add(line, "id", "own")
    for line in OWN_EN.strip().splitlines():
        add(line, "en", "own")
    for path, label in FILES:
        for sentence in sentences((ROOT / path).read_text(encoding="utf-8")):
            add(sentence, label, path)
    for sentence in page_sentences(ROOT / HTML_PAGES):
        add(sentence, "en", HTML_PAGES)
    for line in (ROOT / "bench/match_dev_id_en.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(("EN: ", "ID: ")):
            add(line[4:], line[:2].lower(), "bench/match_dev_id_en.txt")
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            "# label\tsplit\torigin\ttext  (built by bench/langid_build_set.py; split by SHA-1 of the text)\n"
        )
        for text, (label, origin) in rows.items():
            half = "tune" if hashlib.sha1(text.encode()).digest()[0] % 2 == 0 else "test"  # noqa: S324 - a split, not security
            out.write(f"{label}\t{half}\t{origin}\t{text}\n")
    print(f"{len(rows)} sentences -> {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
