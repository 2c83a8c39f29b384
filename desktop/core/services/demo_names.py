"""The demo's name pools and places: synthetic, in the style of East Kalimantan registers (never
real people). A few long names with apostrophes and accented letters exercise the printed papers."""

from __future__ import annotations

import random

MALE = ("Ahmad", "Budi", "Slamet", "Agus", "Muhammad", "Rudi", "Hendra", "Andi", "Yusuf", "Rahmat",
        "Darmawan", "Syamsul", "Abdul", "Eko", "Joko", "Dedi", "Fajar", "Arif", "Irwan", "Rizky", "Hasan",
        "Ilham", "Bayu", "Dimas", "Yohanes", "Markus", "Made", "Wayan", "Ketut", "Aji", "Awang", "Herman",
        "Sutrisno", "Bambang", "Supriadi", "Hamzah", "Iwan", "Suparman", "Taufik", "Yudi", "Zainal",
        "Firman", "Gusti", "Haris", "Imam", "Jamal", "Kurnia", "Lukman", "Mulyadi", "Nasrul", "Rusdi",
        "Ma'ruf", "Syafi'i", "André")
FEMALE = ("Siti", "Nur", "Sri", "Dewi", "Rina", "Wati", "Yuni", "Aisyah", "Fitri", "Rahmawati",
          "Lestari", "Maria", "Ani", "Endang", "Indah", "Ratna", "Sari", "Nurul", "Putri", "Ayu",
          "Hartini", "Suryani", "Ernawati", "Kartini", "Mariyam", "Dayang", "Halimah", "Juwita", "Kasmah",
          "Lina", "Mega", "Nining", "Rosnah", "Salmah", "Tuti", "Umi", "Wahyuni", "Yanti", "Zubaidah",
          "Fatimah", "Hasnah", "Jumiati", "Kurniasih", "Masitah", "Nanik", "Nur'aini", "Désy")
SECOND = ("Saputra", "Hidayat", "Santoso", "Wijaya", "Pratama", "Kurniawan", "Setiawan", "Nugroho",
          "Rahman", "Susanto", "Hakim", "Syahputra", "Gunawan", "Hermawan", "Firmansyah", "Ramadhan",
          "Maulana", "Effendi", "Siregar", "Simanjuntak", "Pangaribuan", "Daeng", "Lamba", "Tanjung",
          "Ma'arif")
SECOND_F = ("Susanti", "Lestari", "Wahyuni", "Handayani", "Purnamasari", "Rahayu", "Anggraini",
            "Permatasari", "Safitri", "Novitasari", "Kusumawati", "Yulianti", "Marlina", "Nuraini",
            "Mu'awanah")
PLACES = ("Tenggarong", "Tenggarong", "Tenggarong", "Samarinda", "Loa Kulu", "Kota Bangun", "Balikpapan",
          "Sebulu", "Muara Kaman", "Surabaya", "Makassar", "Banjarmasin", "Pare-Pare", "Kediri", "Bone")
STREETS = ("Jl. Wolter Monginsidi", "Jl. Ahmad Yani", "Jl. Diponegoro", "Jl. Pesut", "Jl. Danau Aji",
           "Jl. Imam Bonjol", "Jl. Patin", "Jl. KH Akhmad Muksin", "Gg. Mawar", "Gg. Melati", "Gg. Kenanga",
           "Jl. Gunung Belah", "Jl. Mangkurawang", "Jl. Cut Nyak Dien", "Jl. Sultan Sulaiman")
OCCUPATIONS_ADULT = ("Petani/Pekebun", "Petani/Pekebun", "Nelayan/Perikanan", "Buruh Harian Lepas",
                     "Buruh Harian Lepas", "Wiraswasta", "Pedagang", "Karyawan Swasta", "Sopir",
                     "Tukang Kayu", "Belum/Tidak Bekerja", "Karyawan Honorer")

# The longest names a register holds (80 characters, the width the papers are tested with), and
# an address that needs two lines on every roster.
LONG_MALE = "Andi Muhammad Nur'aini Daeng Mappaseré Karaeng Lompo bin Abdul Rahman Syamsuddin"
LONG_FEMALE = "Ratu Ayu Ségarawati Kusumaningtyas Dewi Sekar Kedaton binti H. Ma'ruf Wiratmaja"
LONG_FAMILY = ("Siti Khadijah Nur'aini Purnamasari", "Muhammad Ma'ruf Daeng Mappaseré",
               "Andi Nur'aini Zahra Ségarawati")
LONG_ADDRESS = ("Jl. Poros Tenggarong–Kota Bangun Km. 12, Gg. Keluarga Sejahtera Bersama II No. 117 "
                "(belakang Masjid Al-Muhajirin)")

# Officials who sign "a.n. Camat" (on the Camat's behalf); the office profile keeps only the Camat.
SEKCAM = {"jabatan": "Sekretaris Camat", "name": "Muhammad Ridwan Syahputra, S.STP., M.Si.",
          "pangkat": "Penata Tingkat I (III/d)", "nip": "198203142006041003"}
KASI_KESOS = {"jabatan": "Kepala Seksi Kesejahteraan Sosial", "name": "Ratna Dewi Kusumawati, S.Sos.",
              "pangkat": "Penata (III/c)", "nip": "198607222010012015"}

# Kepala Desa who receive a BLT Dana Desa distribution (and sign its papers).
VILLAGE_HEADS = ("H. Muhammad Yusuf Daeng Mattiro, S.Sos., M.A.P.", "Hj. Siti Nur'aini Rahmawati, S.E.",
                 "Awang Darmawan")


def person_name(rng: random.Random, sex: str) -> str:
    if sex == "L":
        return f"{rng.choice(MALE)} {rng.choice(SECOND)}" if rng.random() < 0.8 else rng.choice(MALE)
    return f"{rng.choice(FEMALE)} {rng.choice(SECOND_F)}" if rng.random() < 0.7 else rng.choice(FEMALE)
