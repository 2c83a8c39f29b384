<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
  <context>
    <name>Simpul</name>
    <message>
      <source>Pindai kupon, atau ketik NIK / nama</source>
      <translation>Scan a coupon, or type a NIK / name</translation>
    </message>
    <message>
      <source>Cari</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Belum ada penerima yang dipilih.</source>
      <translation>No recipient selected yet.</translation>
    </message>
    <message>
      <source>Langkah ini tidak bisa dibatalkan di sini. Pilih langkah pengambilan atau tidak hadir seorang penerima.</source>
      <translation>This step cannot be reversed here. Choose a recipient's collection or absence step.</translation>
    </message>
    <message>
      <source>Cari dulu penerimanya: pindai kupon atau ketik NIK/nama lalu Enter.</source>
      <translation>Find the recipient first: scan the coupon or type a NIK/name, then Enter.</translation>
    </message>
    <message>
      <source>Tidak hadir</source>
      <translation>Absent</translation>
    </message>
    <message>
      <source>Catat tidak hadir</source>
      <translation>Record absence</translation>
    </message>
    <message>
      <source>Batalkan catatan</source>
      <translation>Reverse record</translation>
    </message>
    <message>
      <source>Meja pengambilan — {name}</source>
      <translation>Check-in desk — {name}</translation>
    </message>
    <message>
      <source>{n} penerima cocok dengan pencarian.</source>
      <translation>{n} recipients match the search.</translation>
    </message>
    <message>
      <source>Cocokkan KTP-el/KK dengan data di bawah, lalu tekan Enter untuk menyerahkan.</source>
      <translation>Compare the ID card/family card with the details below, then press Enter to hand over.</translation>
    </message>
    <message>
      <source>DISERAHKAN: {amount} untuk {name}, diterima oleh {proxy} ({relation}).</source>
      <translation>HANDED OVER: {amount} for {name}, received by {proxy} ({relation}).</translation>
    </message>
    <message>
      <source>DISERAHKAN: {amount} kepada {name}.</source>
      <translation>HANDED OVER: {amount} to {name}.</translation>
    </message>
    <message>
      <source>{name} dicatat tidak hadir: {reason}.</source>
      <translation>{name} recorded as absent: {reason}.</translation>
    </message>
    <message>
      <source>Catatan untuk {name} dibatalkan; penerima kembali menunggu.</source>
      <translation>The record for {name} was reversed; the recipient is waiting again.</translation>
    </message>
    <message>
      <source>{programme} · {date} {time} · {place} · {amount} per penerima</source>
      <translation>{programme} · {date} {time} · {place} · {amount} per recipient</translation>
    </message>
    <message>
      <source>Penyaluran ini sudah ditutup ({when}, oleh {by}). Pengambilan tidak bisa dicatat lagi; buka kembali di Bantuan › Penyaluran bila perlu.</source>
      <translation>This distribution was closed ({when}, by {by}). No more collections can be recorded; reopen it under Aid › Distributions if needed.</translation>
    </message>
    <message>
      <source>Mengapa {name} tidak hadir?</source>
      <translation>Why is {name} absent?</translation>
    </message>
    <message>
      <source>Batalkan catatan "{status}" untuk {name}? Penerima kembali menunggu. Alasannya disimpan di riwayat.</source>
      <translation>Reverse the record "{status}" for {name}? The recipient will be waiting again. The reason is kept in the history.</translation>
    </message>
    <message>
      <source>Tidak ditemukan: "{text}". Periksa ejaannya, atau cari dengan NIK, No. KK atau kode kupon.</source>
      <translation>Not found: "{text}". Check the spelling, or search by NIK, family card no. or coupon code.</translation>
    </message>
    <message>
      <source>Tercatat tidak hadir: {reason}. Bila orangnya datang sekarang, cocokkan KTP-el lalu tekan Enter untuk menyerahkan.</source>
      <translation>Recorded as absent: {reason}. If the person has come now, check the ID card, then press Enter to hand over.</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Desa/Kelurahan</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>Nama</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Batalkan langkah terpilih…</source>
      <translation>Reverse selected step…</translation>
    </message>
    <message>
      <source>Semua</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Tampilkan</source>
      <translation>Show</translation>
    </message>
    <message>
      <source>Langkah terakhir</source>
      <translation>Latest steps</translation>
    </message>
    <message>
      <source>Daftar penerima</source>
      <translation>Recipient list</translation>
    </message>
    <message>
      <source>Penyaluran {action}</source>
      <translation>Distribution {action}</translation>
    </message>
    <message>
      <source>Diambil</source>
      <translation>Collected</translation>
    </message>
    <message>
      <source>Diwakilkan</source>
      <translation>By proxy</translation>
    </message>
    <message>
      <source>Menunggu</source>
      <translation>Waiting</translation>
    </message>
    <message>
      <source>Tersalurkan</source>
      <translation>Handed out</translation>
    </message>
    <message>
      <source>Pindai kode QR pada kupon penerima, atau ketik NIK, No. KK atau nama lalu tekan Enter.

Setelah penerima tampil dan KTP-el/KK dicocokkan, tekan Enter sekali lagi untuk menyerahkan bantuan.

F2 diwakilkan · F3 tidak hadir · F4 batalkan catatan · Esc bersihkan</source>
      <translation>Scan the QR code on the recipient's coupon, or type a NIK, family card no. or name and press Enter.

Once the recipient shows and the ID card/family card match, press Enter again to hand over the aid.

F2 by proxy · F3 absent · F4 reverse record · Esc clear</translation>
    </message>
    <message>
      <source>No. KK</source>
      <translation>Family card no.</translation>
    </message>
    <message>
      <source>Alamat</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>No. urut</source>
      <translation>Row no.</translation>
    </message>
    <message>
      <source>Kode kupon</source>
      <translation>Coupon code</translation>
    </message>
    <message>
      <source>Serahkan (Enter)</source>
      <translation>Hand over (Enter)</translation>
    </message>
    <message>
      <source>Diwakilkan… (F2)</source>
      <translation>By proxy… (F2)</translation>
    </message>
    <message>
      <source>Tidak hadir… (F3)</source>
      <translation>Absent… (F3)</translation>
    </message>
    <message>
      <source>Batalkan catatan… (F4)</source>
      <translation>Reverse record… (F4)</translation>
    </message>
    <message>
      <source>Beberapa penerima cocok. Pilih dengan ↑/↓ lalu Enter, atau klik dua kali.</source>
      <translation>Several recipients match. Choose with ↑/↓ then Enter, or double-click.</translation>
    </message>
    <message>
      <source>boleh kosong; 16 digit bila diisi</source>
      <translation>optional; 16 digits if filled in</translation>
    </message>
    <message>
      <source>Nama wakil:</source>
      <translation>Proxy's name:</translation>
    </message>
    <message>
      <source>Hubungan dengan penerima:</source>
      <translation>Relationship to the recipient:</translation>
    </message>
    <message>
      <source>NIK wakil:</source>
      <translation>Proxy's NIK:</translation>
    </message>
    <message>
      <source>(tanpa NIK)</source>
      <translation>(no NIK)</translation>
    </message>
    <message>
      <source>Serahkan</source>
      <translation>Hand over</translation>
    </message>
    <message>
      <source>{percent}% sudah diambil</source>
      <translation>{percent}% collected</translation>
    </message>
    <message>
      <source>Bantuan untuk &lt;b&gt;{name}&lt;/b&gt; diambil oleh:</source>
      <translation>The aid for &lt;b&gt;{name}&lt;/b&gt; is collected by:</translation>
    </message>
    <message>
      <source>Tuliskan alasannya</source>
      <translation>Write the reason</translation>
    </message>
    <message>
      <source>Alasan wajib diisi.</source>
      <translation>A reason is required.</translation>
    </message>
    <message>
      <source>Simpan</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>mis. Penyaluran BLT-DD Tahap IV Desa Jahab</source>
      <translation>e.g. Penyaluran BLT-DD Tahap IV Desa Jahab</translation>
    </message>
    <message>
      <source>mis. 08.00 WITA</source>
      <translation>e.g. 08.00 WITA</translation>
    </message>
    <message>
      <source>mis. Balai Desa Jahab</source>
      <translation>e.g. Balai Desa Jahab</translation>
    </message>
    <message>
      <source>Tambah baris petugas</source>
      <translation>Add an officer row</translation>
    </message>
    <message>
      <source>mis. Kepala Desa Jahab</source>
      <translation>e.g. Kepala Desa Jahab</translation>
    </message>
    <message>
      <source>Program:</source>
      <translation>Programme:</translation>
    </message>
    <message>
      <source>Nama kegiatan:</source>
      <translation>Event name:</translation>
    </message>
    <message>
      <source>Tanggal:</source>
      <translation>Date:</translation>
    </message>
    <message>
      <source>Jam:</source>
      <translation>Time:</translation>
    </message>
    <message>
      <source>Tempat:</source>
      <translation>Place:</translation>
    </message>
    <message>
      <source>Centang desa yang dilayani. Tanpa centang: seluruh kecamatan.</source>
      <translation>Tick the villages served. None ticked: the whole kecamatan.</translation>
    </message>
    <message>
      <source>Desa/kelurahan:</source>
      <translation>Village:</translation>
    </message>
    <message>
      <source>Petugas penyalur (yang pertama menandatangani daftar dan BAST)</source>
      <translation>Distributing officers (the first one signs the roster and the BAST)</translation>
    </message>
    <message>
      <source>Pihak yang menerima pada berita acara (PIHAK KEDUA)</source>
      <translation>Receiving party on the handover report (PIHAK KEDUA)</translation>
    </message>
    <message>
      <source>Nama:</source>
      <translation>Name:</translation>
    </message>
    <message>
      <source>Jabatan:</source>
      <translation>Position:</translation>
    </message>
    <message>
      <source>Alamat:</source>
      <translation>Address:</translation>
    </message>
    <message>
      <source>Ubah penyaluran</source>
      <translation>Change distribution</translation>
    </message>
    <message>
      <source>Penyaluran baru</source>
      <translation>New distribution</translation>
    </message>
    <message>
      <source>Peran/jabatan</source>
      <translation>Role/position</translation>
    </message>
    <message>
      <source>Buat program bantuan dulu di tab Program.</source>
      <translation>Create an aid programme first on the Programme tab.</translation>
    </message>
    <message>
      <source>Setiap baris petugas perlu nama (kosongkan barisnya bila tidak dipakai).</source>
      <translation>Every officer row needs a name (clear the row if it is not used).</translation>
    </message>
    <message>
      <source>(daftar belum final)</source>
      <translation>(list not final yet)</translation>
    </message>
    <message>
      <source>Kupon pengambilan</source>
      <translation>Collection coupons</translation>
    </message>
    <message>
      <source>Berita acara serah terima</source>
      <translation>Handover report</translation>
    </message>
    <message>
      <source>Dokumen</source>
      <translation>Documents</translation>
    </message>
    <message>
      <source>Mendatar (lanskap)</source>
      <translation>Landscape</translation>
    </message>
    <message>
      <source>Tegak (potret)</source>
      <translation>Portrait</translation>
    </message>
    <message>
      <source>NIK lengkap</source>
      <translation>Full NIK</translation>
    </message>
    <message>
      <source>NIK disamarkan (untuk ditempel)</source>
      <translation>Masked NIK (for public posting)</translation>
    </message>
    <message>
      <source>Kolom cap jempol</source>
      <translation>Thumbprint column</translation>
    </message>
    <message>
      <source>Nomor halaman per desa</source>
      <translation>Page numbers per village</translation>
    </message>
    <message>
      <source>Setiap desa/kelurahan mulai dari halaman 1, untuk dibagikan per desa.</source>
      <translation>Each village starts at page 1, so the pages can be handed out per village.</translation>
    </message>
    <message>
      <source>Cetak kupon…</source>
      <translation>Print coupons…</translation>
    </message>
    <message>
      <source>Cetak daftar penerima…</source>
      <translation>Print recipient list…</translation>
    </message>
    <message>
      <source>Berita acara (BAST)…</source>
      <translation>Handover report (BAST)…</translation>
    </message>
    <message>
      <source>Sebelum penyaluran ditutup, berita acara dicetak SEMENTARA tanpa nomor; nomornya diambil saat pertama dicetak sesudah ditutup.</source>
      <translation>Until the distribution is closed, the handover report is printed as PROVISIONAL without a number; the number is taken when it is first printed after closing.</translation>
    </message>
    <message>
      <source>Ekspor hasil ke Excel…</source>
      <translation>Export results to Excel…</translation>
    </message>
    <message>
      <source>Kertas:</source>
      <translation>Paper:</translation>
    </message>
    <message>
      <source>Arah daftar:</source>
      <translation>List orientation:</translation>
    </message>
    <message>
      <source>NIK di daftar:</source>
      <translation>NIK on the list:</translation>
    </message>
    <message>
      <source>Simpan sebagai</source>
      <translation>Save as</translation>
    </message>
    <message>
      <source>Menyiapkan dokumen…</source>
      <translation>Preparing the document…</translation>
    </message>
    <message>
      <source>Mengekspor ke Excel…</source>
      <translation>Exporting to Excel…</translation>
    </message>
    <message>
      <source>Hasil penyaluran</source>
      <translation>Distribution results</translation>
    </message>
    <message>
      <source>semua desa</source>
      <translation>all villages</translation>
    </message>
    <message>
      <source>Tanggal</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Nama kegiatan</source>
      <translation>Event name</translation>
    </message>
    <message>
      <source>Program</source>
      <translation>Programme</translation>
    </message>
    <message>
      <source>Tempat</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Keadaan</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Terjadwal</source>
      <translation>Scheduled</translation>
    </message>
    <message>
      <source>Penyaluran baru…</source>
      <translation>New distribution…</translation>
    </message>
    <message>
      <source>Ubah…</source>
      <translation>Change…</translation>
    </message>
    <message>
      <source>Jadwalkan penerima</source>
      <translation>Schedule recipients</translation>
    </message>
    <message>
      <source>Tutup penyaluran</source>
      <translation>Close distribution</translation>
    </message>
    <message>
      <source>Buka kembali…</source>
      <translation>Reopen…</translation>
    </message>
    <message>
      <source>Buka meja pengambilan</source>
      <translation>Open check-in desk</translation>
    </message>
    <message>
      <source>Penyaluran terpilih</source>
      <translation>Selected distribution</translation>
    </message>
    <message>
      <source>belum diisi</source>
      <translation>not filled in</translation>
    </message>
    <message>
      <source>Belum ada penyaluran. Buat dengan Penyaluran baru… setelah daftar penerima program difinalkan.</source>
      <translation>No distributions yet. Create one with New distribution… once the programme's recipient list is final.</translation>
    </message>
    <message>
      <source>Pilih satu penyaluran di daftar.</source>
      <translation>Select one distribution in the list.</translation>
    </message>
    <message>
      <source>Tidak ada penerima baru untuk dijadwalkan: semua penerima di desa ini sudah terjadwal atau sudah menerima.</source>
      <translation>No new recipients to schedule: everyone in these villages is already scheduled or has received the aid.</translation>
    </message>
    <message>
      <source>Tutup penyaluran {name}? Meja pengambilan tidak bisa mencatat lagi; daftar dan BAST mencatat hasil akhirnya.</source>
      <translation>Close the distribution {name}? The check-in desk can record nothing more; the list and the BAST record the final result.</translation>
    </message>
    <message>
      <source>Buka kembali penyaluran</source>
      <translation>Reopen distribution</translation>
    </message>
    <message>
      <source>Buka kembali</source>
      <translation>Reopen</translation>
    </message>
    <message>
      <source>Desa: {desa}</source>
      <translation>Villages: {desa}</translation>
    </message>
    <message>
      <source>{due} terjadwal: {collected} diambil, {absent} tidak hadir, {waiting} menunggu</source>
      <translation>{due} scheduled: {collected} collected, {absent} absent, {waiting} waiting</translation>
    </message>
    <message>
      <source>Program: {programme} · {item}, {amount} per penerima</source>
      <translation>Programme: {programme} · {item}, {amount} per recipient</translation>
    </message>
    <message>
      <source>Petugas: {who}</source>
      <translation>Officers: {who}</translation>
    </message>
    <message>
      <source>PIHAK KEDUA pada BAST: {who}</source>
      <translation>PIHAK KEDUA on the BAST: {who}</translation>
    </message>
    <message>
      <source>Penyaluran {name} ditutup.</source>
      <translation>Distribution {name} closed.</translation>
    </message>
    <message>
      <source>Penyaluran {name} dibuka kembali.</source>
      <translation>Distribution {name} reopened.</translation>
    </message>
    <message>
      <source>{n} penerima dijadwalkan pada penyaluran ini.</source>
      <translation>{n} recipients scheduled for this distribution.</translation>
    </message>
    <message>
      <source>{n} penerima belum datang dan tetap tercatat menunggu.</source>
      <translation>{n} recipients have not come and stay recorded as waiting.</translation>
    </message>
    <message>
      <source>Mengapa penyaluran {name} dibuka kembali? Alasannya disimpan di riwayat.</source>
      <translation>Why is the distribution {name} reopened? The reason is kept in the history.</translation>
    </message>
    <message>
      <source>Belum ada penerima: tekan Jadwalkan penerima.</source>
      <translation>No recipients yet: press Schedule recipients.</translation>
    </message>
    <message>
      <source>Ditutup {when} oleh {by}.</source>
      <translation>Closed {when} by {by}.</translation>
    </message>
    <message>
      <source>Penyaluran</source>
      <translation>Distributions</translation>
    </message>
    <message>
      <source>Program dan daftar penerima</source>
      <translation>Programmes and recipient lists</translation>
    </message>
    <message>
      <source>mis. BLT Dana Desa 2026</source>
      <translation>e.g. BLT Dana Desa 2026</translation>
    </message>
    <message>
      <source>Tunai (uang)</source>
      <translation>Cash (money)</translation>
    </message>
    <message>
      <source>Barang</source>
      <translation>Goods</translation>
    </message>
    <message>
      <source>mis. Uang tunai, Beras 10 kg, Paket sembako</source>
      <translation>e.g. Uang tunai, Beras 10 kg, Paket sembako</translation>
    </message>
    <message>
      <source>mis. paket, kg, karung</source>
      <translation>e.g. paket, kg, karung</translation>
    </message>
    <message>
      <source>mis. Tahap IV (Oktober–Desember 2026)</source>
      <translation>e.g. Tahap IV (Oktober–Desember 2026)</translation>
    </message>
    <message>
      <source>Per orang (satu baris per penduduk)</source>
      <translation>Per person (one line per resident)</translation>
    </message>
    <message>
      <source>Per keluarga (satu baris per KK, diambil kepala keluarga)</source>
      <translation>Per family (one line per family card, collected by the head)</translation>
    </message>
    <message>
      <source>mis. Keputusan Kepala Desa Jahab Nomor 12 Tahun 2026</source>
      <translation>e.g. Keputusan Kepala Desa Jahab Nomor 12 Tahun 2026</translation>
    </message>
    <message>
      <source>Nama program:</source>
      <translation>Programme name:</translation>
    </message>
    <message>
      <source>Sumber dana:</source>
      <translation>Funding:</translation>
    </message>
    <message>
      <source>Bentuk bantuan:</source>
      <translation>Form of aid:</translation>
    </message>
    <message>
      <source>Jenis bantuan:</source>
      <translation>Kind of aid:</translation>
    </message>
    <message>
      <source>Besar per penerima:</source>
      <translation>Amount per recipient:</translation>
    </message>
    <message>
      <source>Tahap/periode:</source>
      <translation>Stage/period:</translation>
    </message>
    <message>
      <source>Periode berlaku:</source>
      <translation>Period covered:</translation>
    </message>
    <message>
      <source>Sasaran:</source>
      <translation>Target:</translation>
    </message>
    <message>
      <source>Dasar (SK/juknis):</source>
      <translation>Basis (decree/guideline):</translation>
    </message>
    <message>
      <source>Catatan:</source>
      <translation>Notes:</translation>
    </message>
    <message>
      <source>Ubah program bantuan</source>
      <translation>Change aid programme</translation>
    </message>
    <message>
      <source>Program bantuan baru</source>
      <translation>New aid programme</translation>
    </message>
    <message>
      <source>s.d.</source>
      <translation>to</translation>
    </message>
    <message>
      <source>Satuan barang:</source>
      <translation>Unit of goods:</translation>
    </message>
    <message>
      <source>paket</source>
      <translation>package</translation>
    </message>
    <message>
      <source>Nama program</source>
      <translation>Programme name</translation>
    </message>
    <message>
      <source>Tahap/periode</source>
      <translation>Stage/period</translation>
    </message>
    <message>
      <source>Sumber dana</source>
      <translation>Funding</translation>
    </message>
    <message>
      <source>Bantuan per penerima</source>
      <translation>Aid per recipient</translation>
    </message>
    <message>
      <source>Sasaran</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>Daftar</source>
      <translation>List</translation>
    </message>
    <message>
      <source>Penerima</source>
      <translation>Recipients</translation>
    </message>
    <message>
      <source>Temuan terbuka</source>
      <translation>Open findings</translation>
    </message>
    <message>
      <source>Program baru…</source>
      <translation>New programme…</translation>
    </message>
    <message>
      <source>Ubah program…</source>
      <translation>Change programme…</translation>
    </message>
    <message>
      <source>Program bantuan: daftar penerima dibuat, diperiksa, diputuskan, lalu difinalkan sebelum disalurkan.</source>
      <translation>Aid programmes: a recipient list is built, checked, decided and finalised before distribution.</translation>
    </message>
    <message>
      <source>Tambah dari registri…</source>
      <translation>Add from registry…</translation>
    </message>
    <message>
      <source>Tambah penerima…</source>
      <translation>Add recipient…</translation>
    </message>
    <message>
      <source>Impor daftar dari Excel…</source>
      <translation>Import list from Excel…</translation>
    </message>
    <message>
      <source>Daftar dari Dinas Sosial/desa: setiap baris diuji seperti impor biasa, yang lolos masuk ke daftar dan langsung diperiksa.</source>
      <translation>A list from the social affairs office or a village: every row is tested as in an ordinary import; the rows that pass go onto the list and are checked at once.</translation>
    </message>
    <message>
      <source>Hapus dari daftar</source>
      <translation>Remove from list</translation>
    </message>
    <message>
      <source>Periksa daftar</source>
      <translation>Check list</translation>
    </message>
    <message>
      <source>Finalkan daftar</source>
      <translation>Finalise list</translation>
    </message>
    <message>
      <source>Pilih satu program di daftar.</source>
      <translation>Select one programme in the list.</translation>
    </message>
    <message>
      <source>Buat program bantuan dulu dengan Program baru…</source>
      <translation>First create an aid programme with New programme…</translation>
    </message>
    <message>
      <source>Pilih dulu baris yang akan dihapus dari daftar.</source>
      <translation>First select the lines to remove from the list.</translation>
    </message>
    <message>
      <source>Daftar penerima: {name} – {period}</source>
      <translation>Recipient list: {name} – {period}</translation>
    </message>
    <message>
      <source>Jalankan Periksa daftar setelah selesai menambah.</source>
      <translation>Run Check list when you have finished adding.</translation>
    </message>
    <message>
      <source>{lines} baris diperiksa: {findings} temuan ({kinds}); {open} belum diputuskan.</source>
      <translation>{lines} lines checked: {findings} findings ({kinds}); {open} not decided yet.</translation>
    </message>
    <message>
      <source>{lines} baris diperiksa: tidak ada temuan.</source>
      <translation>{lines} lines checked: no findings.</translation>
    </message>
    <message>
      <source>{listed} baris dari berkas masuk ke daftar; {open} temuan belum diputuskan.</source>
      <translation>{listed} rows from the file went onto the list; {open} findings not decided yet.</translation>
    </message>
    <message>
      <source> dan {n} lainnya</source>
      <translation> and {n} others</translation>
    </message>
    <message>
      <source>Hapus {who} dari daftar penerima ini? Orangnya tetap ada di registri.</source>
      <translation>Remove {who} from this recipient list? The persons stay in the registry.</translation>
    </message>
    <message>
      <source>Finalkan daftar penerima {name}? Daftar diperiksa sekali lagi; setelah final, daftar tidak bisa diubah dan siap untuk penyaluran.</source>
      <translation>Finalise the recipient list of {name}? The list is checked once more; once final it cannot be changed and is ready for distribution.</translation>
    </message>
    <message>
      <source>Buka kembali daftar {name} untuk diubah? Penyaluran yang sudah tercatat tidak berubah; finalkan lagi sebelum menjadwalkan penerima baru.</source>
      <translation>Reopen the list of {name} for changes? Distributions already recorded do not change; finalise it again before scheduling new recipients.</translation>
    </message>
    <message>
      <source>Tgl. lahir</source>
      <translation>Born</translation>
    </message>
    <message>
      <source>Keterangan</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Tambah penerima dari registri</source>
      <translation>Add recipients from the registry</translation>
    </message>
    <message>
      <source>Semua desa/kelurahan</source>
      <translation>All villages</translation>
    </message>
    <message>
      <source>Semua kategori PPKS</source>
      <translation>All PPKS categories</translation>
    </message>
    <message>
      <source>Semua status</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>L dan P</source>
      <translation>Male and female</translation>
    </message>
    <message>
      <source>Batal</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Kategori PPKS:</source>
      <translation>PPKS category:</translation>
    </message>
    <message>
      <source>Status PPKS:</source>
      <translation>PPKS status:</translation>
    </message>
    <message>
      <source>Desil keluarga:</source>
      <translation>Family decile:</translation>
    </message>
    <message>
      <source>Jenis kelamin:</source>
      <translation>Sex:</translation>
    </message>
    <message>
      <source>Kelompok umur:</source>
      <translation>Age group:</translation>
    </message>
    <message>
      <source>keluarga</source>
      <translation>families</translation>
    </message>
    <message>
      <source>orang</source>
      <translation>persons</translation>
    </message>
    <message>
      <source>Tambah penerima</source>
      <translation>Add recipient</translation>
    </message>
    <message>
      <source>NIK, No. KK atau nama, lalu Enter</source>
      <translation>NIK, family card no. or name, then Enter</translation>
    </message>
    <message>
      <source>Tambahkan ke daftar</source>
      <translation>Add to the list</translation>
    </message>
    <message>
      <source>Selesai</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Hanya penduduk yang masih hidup; yang sudah ada di daftar tidak ditambahkan lagi.</source>
      <translation>Only living residents; those already on the list are not added again.</translation>
    </message>
    <message>
      <source>tanpa saringan: seluruh penduduk yang masih hidup di kecamatan</source>
      <translation>no filter: every living resident of the kecamatan</translation>
    </message>
    <message>
      <source>Tidak ditemukan di registri. Tambahkan orangnya dulu di Penduduk &amp; PPKS.</source>
      <translation>Not found in the registry. Add the person first under Persons &amp; PPKS.</translation>
    </message>
    <message>
      <source>Cari dan pilih dulu orangnya.</source>
      <translation>Search for and select the person first.</translation>
    </message>
    <message>
      <source>Akan ditambahkan: {n} {unit}</source>
      <translation>To be added: {n} {unit}</translation>
    </message>
    <message>
      <source>Tambahkan {n}</source>
      <translation>Add {n}</translation>
    </message>
    <message>
      <source>{name} ditambahkan ke daftar.</source>
      <translation>{name} added to the list.</translation>
    </message>
    <message>
      <source>Program per keluarga: satu baris per keluarga, atas nama kepala keluarga (atau anggota tertua).</source>
      <translation>Family programme: one line per family, in the name of the head of the family (or the oldest member).</translation>
    </message>
    <message>
      <source>Program per orang: satu baris per penduduk.</source>
      <translation>Per-person programme: one line per resident.</translation>
    </message>
    <message>
      <source>{n} sudah ada di daftar</source>
      <translation>{n} already on the list</translation>
    </message>
    <message>
      <source>{n} orang tanpa keluarga di registri dilewati</source>
      <translation>{n} persons without a family in the registry skipped</translation>
    </message>
    <message>
      <source>{n} ditemukan. Pilih lalu Tambahkan.</source>
      <translation>{n} found. Select, then Add.</translation>
    </message>
    <message>
      <source>{name} sudah ada di daftar ini.</source>
      <translation>{name} is already on this list.</translation>
    </message>
    <message>
      <source>Hanya yang perlu keputusan</source>
      <translation>Only those needing a decision</translation>
    </message>
    <message>
      <source>Cari di daftar</source>
      <translation>Search the list</translation>
    </message>
    <message>
      <source>Temuan pada baris terpilih</source>
      <translation>Findings on the selected line</translation>
    </message>
    <message>
      <source>Pilih satu baris di daftar.</source>
      <translation>Select one line in the list.</translation>
    </message>
    <message>
      <source>Alasan (wajib bila tetap dimasukkan)</source>
      <translation>Reason (required when keeping)</translation>
    </message>
    <message>
      <source>Terapkan ke semua temuan sejenis di daftar ini</source>
      <translation>Apply to all findings of this kind in the list</translation>
    </message>
    <message>
      <source>Tetap masukkan</source>
      <translation>Keep on list</translation>
    </message>
    <message>
      <source>Keluarkan dari daftar</source>
      <translation>Exclude from list</translation>
    </message>
    <message>
      <source>Keputusan berlaku untuk temuan yang dipilih, atau untuk semua temuan baris ini yang belum diputuskan.</source>
      <translation>The decision applies to the selected findings, or to all of this line's undecided findings.</translation>
    </message>
    <message>
      <source>Temuan</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>Daftar FINAL: siap disalurkan; buka kembali untuk mengubah.</source>
      <translation>List FINAL: ready for distribution; reopen it to make changes.</translation>
    </message>
    <message>
      <source>Daftar masih draf.</source>
      <translation>The list is still a draft.</translation>
    </message>
    <message>
      <source>Tidak ada temuan.</source>
      <translation>No findings.</translation>
    </message>
    <message>
      <source>belum diputuskan</source>
      <translation>not decided yet</translation>
    </message>
    <message>
      <source>Baris ini tidak punya temuan yang perlu diputuskan.</source>
      <translation>This line has no findings needing a decision.</translation>
    </message>
    <message>
      <source>Besar</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>{n} temuan diputuskan: {decision}.</source>
      <translation>{n} findings decided: {decision}.</translation>
    </message>
    <message>
      <source>{decision} oleh {who}</source>
      <translation>{decision} by {who}</translation>
    </message>
    <message>
      <source>{included} penerima masuk · {excluded} dikeluarkan · {open} temuan belum diputuskan (baris kuning).</source>
      <translation>{included} recipients included · {excluded} excluded · {open} findings not decided yet (yellow lines).</translation>
    </message>
    <message>
      <source>Membuat data contoh…</source>
      <translation>Creating demo data…</translation>
    </message>
    <message>
      <source>Registri ini memakai akun pengguna: gambar layar tidak dibuat tanpa masuk.</source>
      <translation>This registry uses user accounts: no screenshots are taken without logging in.</translation>
    </message>
    <message>
      <source>Penduduk tanpa NIK</source>
      <translation>Persons without a NIK</translation>
    </message>
    <message>
      <source>NIK tidak cocok dengan tanggal lahir atau jenis kelamin</source>
      <translation>NIK disagrees with birth date or sex</translation>
    </message>
    <message>
      <source>Kemungkinan data ganda (nama dan tanggal lahir sama)</source>
      <translation>Likely duplicates (same name and birth date)</translation>
    </message>
    <message>
      <source>Keluarga tanpa kepala keluarga</source>
      <translation>Families without a head</translation>
    </message>
    <message>
      <source>Rujukan lewat waktu tindak lanjut</source>
      <translation>Referrals past their follow-up date</translation>
    </message>
    <message>
      <source>Pengaduan lewat batas jawab</source>
      <translation>Complaints past the answer deadline</translation>
    </message>
    <message>
      <source>Pengaduan belum selesai</source>
      <translation>Unresolved complaints</translation>
    </message>
    <message>
      <source>Putaran verivali berakhir dalam 7 hari</source>
      <translation>Verivali rounds ending within 7 days</translation>
    </message>
    <message>
      <source>Kunjungan rumah jatuh tempo minggu ini</source>
      <translation>Home visits due this week</translation>
    </message>
    <message>
      <source>Kunjungan rumah terlambat</source>
      <translation>Overdue home visits</translation>
    </message>
    <message>
      <source>SK PSKS berakhir dalam 30 hari</source>
      <translation>PSKS SKs ending within 30 days</translation>
    </message>
    <message>
      <source>Laporan bulanan belum ditutup</source>
      <translation>Monthly report not closed yet</translation>
    </message>
    <message>
      <source>Mulai dari sini</source>
      <translation>Start here</translation>
    </message>
    <message>
      <source>Belum ada penduduk maupun keluarga di berkas kantor ini. Pilih cara untuk memulai:</source>
      <translation>This office file has no persons or families yet. Choose how to start:</translation>
    </message>
    <message>
      <source>Impor berkas dari Dinas Sosial…</source>
      <translation>Import a file from the Dinas Sosial…</translation>
    </message>
    <message>
      <source>Tambah penduduk…</source>
      <translation>Add a person…</translation>
    </message>
    <message>
      <source>Coba dengan data contoh</source>
      <translation>Try with demo data</translation>
    </message>
    <message>
      <source>PPKS aktif per kategori</source>
      <translation>Active PPKS by category</translation>
    </message>
    <message>
      <source>PPKS aktif per desa/kelurahan</source>
      <translation>Active PPKS by village</translation>
    </message>
    <message>
      <source>PSKS per jenis</source>
      <translation>PSKS by type</translation>
    </message>
    <message>
      <source>Perlu ditindaklanjuti</source>
      <translation>Needs follow-up</translation>
    </message>
    <message>
      <source>Isi berkas ini dengan data contoh?</source>
      <translation>Fill this file with demo data?</translation>
    </message>
    <message>
      <source>Isi dengan data contoh</source>
      <translation>Fill with demo data</translation>
    </message>
    <message>
      <source>Jumlah</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>Belum ada PPKS aktif.</source>
      <translation>No active PPKS yet.</translation>
    </message>
    <message>
      <source>Berkas Excel atau CSV dari kabupaten/kota (mis. DTKS): penduduk, keluarga dan kategori PPKS masuk sekaligus. Juga lewat Ctrl+I.</source>
      <translation>An Excel or CSV file from the regency (e.g. DTKS): persons, families and PPKS categories come in at once. Also with Ctrl+I.</translation>
    </message>
    <message>
      <source>Ketik data warga satu per satu, misalnya yang datang ke kantor.</source>
      <translation>Type in residents one by one, for example those who come to the office.</translation>
    </message>
    <message>
      <source>Isi berkas ini dengan data buatan untuk mengenal aplikasi.</source>
      <translation>Fill this file with made-up data to get to know the application.</translation>
    </message>
    <message>
      <source>Jenis PSKS</source>
      <translation>PSKS type</translation>
    </message>
    <message>
      <source>Aktif</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>Kualitas data (klik untuk melihat datanya)</source>
      <translation>Data quality (click to see the records)</translation>
    </message>
    <message>
      <source>Kualitas data</source>
      <translation>Data quality</translation>
    </message>
    <message>
      <source>Memeriksa kualitas data…</source>
      <translation>Checking data quality…</translation>
    </message>
    <message>
      <source>Data contoh adalah data buatan, bukan warga sungguhan: {families} keluarga dengan penduduk, PPKS, PSKS, rujukan dan bantuan, serta nama penandatangan contoh bila belum diisi. Data ini masuk ke berkas kantor ini dan hanya dapat dihapus dengan memulai berkas baru.

Untuk mencoba tanpa menyentuh berkas ini, tutup Simpul lalu jalankan "simpul --demo": data contoh dibuka di berkas tersendiri.</source>
      <translation>Demo data is made up, not real residents: {families} families with persons, PPKS, PSKS, referrals and aid, and sample signer names where none are set. It goes into this office file and can only be removed by starting a new file.

To try Simpul without touching this file, close Simpul and run "simpul --demo": the demo data opens in a file of its own.</translation>
    </message>
    <message>
      <source>Kategori sensitif (ODHA, NAPZA, korban kekerasan dan lainnya), digabung untuk satu kecamatan: {n}</source>
      <translation>Sensitive categories (ODHA, NAPZA, victims of violence and others), together for the whole kecamatan: {n}</translation>
    </message>
    <message>
      <source>Kualitas data belum dapat diperiksa: {reason}</source>
      <translation>Data quality could not be checked yet: {reason}</translation>
    </message>
    <message>
      <source>Petakan kategori PPKS</source>
      <translation>Map PPKS categories</translation>
    </message>
    <message>
      <source>Isi di berkas</source>
      <translation>Value in the file</translation>
    </message>
    <message>
      <source>Baris</source>
      <translation>Rows</translation>
    </message>
    <message>
      <source>Kategori PPKS</source>
      <translation>PPKS category</translation>
    </message>
    <message>
      <source>— belum dipetakan —</source>
      <translation>— not mapped yet —</translation>
    </message>
    <message>
      <source>Bukan kategori PPKS</source>
      <translation>Not a PPKS category</translation>
    </message>
    <message>
      <source>Isi kolom kategori berikut tidak dikenali sebagai salah satu dari 26 kategori PPKS. Pilih kategori yang dimaksud sekali saja: Simpul mengingatnya untuk berkas sejenis.</source>
      <translation>The following values in the category column are not recognised as one of the 26 PPKS categories. Choose the intended category just once: Simpul remembers it for files of this kind.</translation>
    </message>
    <message>
      <source>Baris yang sudah diimpor langsung mendapat kategorinya.</source>
      <translation>Rows already imported get their category straight away.</translation>
    </message>
    <message>
      <source>Uji coba diulang dengan pilihan ini.</source>
      <translation>The dry run is repeated with these choices.</translation>
    </message>
    <message>
      <source>— tidak dipakai —</source>
      <translation>— not used —</translation>
    </message>
    <message>
      <source>Berkas data (*.xlsx *.xlsm *.csv *.txt);;Excel (*.xlsx *.xlsm);;Teks (*.csv *.txt);;Semua (*)</source>
      <translation>Data files (*.xlsx *.xlsm *.csv *.txt);;Excel (*.xlsx *.xlsm);;Text (*.csv *.txt);;All (*)</translation>
    </message>
    <message>
      <source>Jenis kelamin</source>
      <translation>Sex</translation>
    </message>
    <message>
      <source>Tempat lahir</source>
      <translation>Place of birth</translation>
    </message>
    <message>
      <source>Tanggal lahir</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <source>Hubungan keluarga</source>
      <translation>Relationship</translation>
    </message>
    <message>
      <source>Dusun</source>
      <translation>Hamlet</translation>
    </message>
    <message>
      <source>Kecamatan</source>
      <translation>Kecamatan</translation>
    </message>
    <message>
      <source>Agama</source>
      <translation>Religion</translation>
    </message>
    <message>
      <source>Status kawin</source>
      <translation>Marital status</translation>
    </message>
    <message>
      <source>Pendidikan</source>
      <translation>Education</translation>
    </message>
    <message>
      <source>Pekerjaan</source>
      <translation>Occupation</translation>
    </message>
    <message>
      <source>No. HP</source>
      <translation>Mobile no.</translation>
    </message>
    <message>
      <source>Disabilitas</source>
      <translation>Disability</translation>
    </message>
    <message>
      <source>Desil</source>
      <translation>Decile</translation>
    </message>
    <message>
      <source>Pilih berkas</source>
      <translation>Choose a file</translation>
    </message>
    <message>
      <source>Berkas Excel (.xlsx) atau teks berpemisah (.csv, .txt) dari Dinas Sosial. Berkas .xls lama perlu disimpan ulang sebagai .xlsx.</source>
      <translation>An Excel file (.xlsx) or delimited text (.csv, .txt) from the Dinas Sosial. An old .xls file must be saved again as .xlsx.</translation>
    </message>
    <message>
      <source>Belum ada berkas dipilih</source>
      <translation>No file chosen yet</translation>
    </message>
    <message>
      <source>Pilih berkas…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <source>Pilih berkas untuk diimpor</source>
      <translation>Choose a file to import</translation>
    </message>
    <message>
      <source>Lembar dan kolom</source>
      <translation>Sheet and columns</translation>
    </message>
    <message>
      <source>Periksa kolom mana berisi apa. Simpul mengenali judul kolom yang biasa dipakai dan mengingat pilihan Anda untuk berkas sejenis.</source>
      <translation>Check which column holds what. Simpul recognises the usual column headings and remembers your choices for files of this kind.</translation>
    </message>
    <message>
      <source>Lembar:</source>
      <translation>Sheet:</translation>
    </message>
    <message>
      <source>Uji coba</source>
      <translation>Dry run</translation>
    </message>
    <message>
      <source>Simpul memeriksa setiap baris tanpa menyimpan apa pun.</source>
      <translation>Simpul checks every row without saving anything.</translation>
    </message>
    <message>
      <source>Biarkan data di registri (bawaan)</source>
      <translation>Keep the registry data (default)</translation>
    </message>
    <message>
      <source>Pakai data dari berkas</source>
      <translation>Take the file's data</translation>
    </message>
    <message>
      <source>Bila NIK di berkas tercatat atas nama lain di registri:</source>
      <translation>When a NIK in the file belongs to another name in the registry:</translation>
    </message>
    <message>
      <source>Hasil uji coba (belum disimpan)</source>
      <translation>Dry-run result (nothing saved yet)</translation>
    </message>
    <message>
      <source>Impor</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Semua baris yang lolos disimpan sekaligus sebagai satu impor yang bisa dibatalkan.</source>
      <translation>All rows that pass are saved at once as one import that can be undone.</translation>
    </message>
    <message>
      <source>Batalkan impor ini</source>
      <translation>Undo this import</translation>
    </message>
    <message>
      <source>Impor tidak disimpan; registri tidak berubah.</source>
      <translation>The import was not saved; the registry is unchanged.</translation>
    </message>
    <message>
      <source>Lanjut &gt;</source>
      <translation>Next &gt;</translation>
    </message>
    <message>
      <source>&lt; Kembali</source>
      <translation>&lt; Back</translation>
    </message>
    <message>
      <source>Tutup</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Impor sekarang</source>
      <translation>Import now</translation>
    </message>
    <message>
      <source>Kolom di berkas</source>
      <translation>Column in the file</translation>
    </message>
    <message>
      <source>Contoh isi</source>
      <translation>Sample values</translation>
    </message>
    <message>
      <source>Dipakai sebagai</source>
      <translation>Used as</translation>
    </message>
    <message>
      <source>Membaca berkas…</source>
      <translation>Reading the file…</translation>
    </message>
    <message>
      <source>Tandai kolom yang berisi nama ("Nama").</source>
      <translation>Mark the column that holds the names ("Name").</translation>
    </message>
    <message>
      <source>Menguji setiap baris…</source>
      <translation>Checking every row…</translation>
    </message>
    <message>
      <source>Mengimpor…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>Membatalkan impor…</source>
      <translation>Undoing the import…</translation>
    </message>
    <message>
      <source>Impor data</source>
      <translation>Import data</translation>
    </message>
    <message>
      <source>Judul kolom ditemukan di baris {row}.</source>
      <translation>Column headings found on row {row}.</translation>
    </message>
    <message>
      <source>Pemeriksaan daftar: {findings} temuan, {open} belum diputuskan.</source>
      <translation>List check: {findings} findings, {open} not decided yet.</translation>
    </message>
    <message>
      <source>Impor #{batch} tersimpan</source>
      <translation>Import #{batch} saved</translation>
    </message>
    <message>
      <source>Batalkan impor #{batch} seluruhnya?</source>
      <translation>Undo import #{batch} completely?</translation>
    </message>
    <message>
      <source>Impor #{batch} sudah dibatalkan; registri kembali seperti sebelumnya.</source>
      <translation>Import #{batch} was undone; the registry is as it was before.</translation>
    </message>
    <message>
      <source>Setiap isian hanya boleh dari satu kolom: {fields}.</source>
      <translation>Each field may come from one column only: {fields}.</translation>
    </message>
    <message>
      <source>Impor daftar penerima: {name}</source>
      <translation>Import recipient list: {name}</translation>
    </message>
    <message>
      <source>{records} catatan PPKS ditambahkan dari isian yang dipetakan.</source>
      <translation>{records} PPKS records added from the mapped values.</translation>
    </message>
    <message>
      <source>(kolom {n})</source>
      <translation>(column {n})</translation>
    </message>
    <message>
      <source>{listed} baris masuk ke daftar penerima; {not_listed} baris tidak (alasannya di laporan).</source>
      <translation>{listed} rows went onto the recipient list; {not_listed} rows did not (the report gives the reasons).</translation>
    </message>
    <message>
      <source>Data penduduk dan PPKS</source>
      <translation>Persons and PPKS</translation>
    </message>
    <message>
      <source>Data keluarga</source>
      <translation>Families</translation>
    </message>
    <message>
      <source>Data PSKS</source>
      <translation>PSKS</translation>
    </message>
    <message>
      <source>Rekap PPKS (desa × 26 kategori) dan PSKS</source>
      <translation>PPKS recap (village × 26 categories) and PSKS</translation>
    </message>
    <message>
      <source>Formulir isian kosong untuk desa</source>
      <translation>Blank form for villages</translation>
    </message>
    <message>
      <source>Impor dari Dinas Sosial</source>
      <translation>Import from the Dinas Sosial</translation>
    </message>
    <message>
      <source>DTKS/DTSEN, daftar PKH, BPNT, BLT-DD: Simpul menguji setiap baris dulu, lalu menyimpan semuanya sebagai satu impor yang bisa dibatalkan.</source>
      <translation>DTKS/DTSEN, PKH, BPNT and BLT-DD lists: Simpul checks every row first, then saves them all as one import that can be undone.</translation>
    </message>
    <message>
      <source>Impor berkas…</source>
      <translation>Import a file…</translation>
    </message>
    <message>
      <source>Ekspor ke Excel</source>
      <translation>Export to Excel</translation>
    </message>
    <message>
      <source>Ekspor…</source>
      <translation>Export…</translation>
    </message>
    <message>
      <source>Isi:</source>
      <translation>Contents:</translation>
    </message>
    <message>
      <source>Wilayah:</source>
      <translation>Area:</translation>
    </message>
    <message>
      <source>Riwayat impor</source>
      <translation>Import history</translation>
    </message>
    <message>
      <source>Batalkan impor terpilih…</source>
      <translation>Undo the selected import…</translation>
    </message>
    <message>
      <source>Seluruh kecamatan</source>
      <translation>Whole kecamatan</translation>
    </message>
    <message>
      <source>Waktu</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Berkas</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Dibaca</source>
      <translation>Read</translation>
    </message>
    <message>
      <source>Baru</source>
      <translation>New</translation>
    </message>
    <message>
      <source>Diperbarui</source>
      <translation>Updated</translation>
    </message>
    <message>
      <source>Tidak berubah</source>
      <translation>Unchanged</translation>
    </message>
    <message>
      <source>Ditolak</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Tujuan ekspor data pribadi</source>
      <translation>Purpose of this personal data export</translation>
    </message>
    <message>
      <source>Pilih dulu impor yang akan dibatalkan.</source>
      <translation>Select the import to undo first.</translation>
    </message>
    <message>
      <source>dibatalkan</source>
      <translation>undone</translation>
    </message>
    <message>
      <source>tersimpan</source>
      <translation>saved</translation>
    </message>
    <message>
      <source>Petakan kategori PPKS ({count} isian)…</source>
      <translation>Map PPKS categories ({count} values)…</translation>
    </message>
    <message>
      <source>Batalkan impor #{batch} seluruhnya? Data yang ditambahkan impor itu dihapus dan data yang diubahnya dikembalikan.</source>
      <translation>Undo import #{batch} completely? Records it added are deleted and records it changed are restored.</translation>
    </message>
    <message>
      <source>Buka laporan baris bermasalah</source>
      <translation>Open the report of rows to check</translation>
    </message>
    <message>
      <source>{rows} baris dibaca = {inserted} baru + {updated} diperbarui + {unchanged} tetap + &lt;b&gt;{rejected} ditolak&lt;/b&gt;.&lt;br&gt;{warnings} baris ditandai untuk diperiksa; {ignored} baris kosong/jumlah diabaikan.</source>
      <translation>{rows} rows read = {inserted} new + {updated} updated + {unchanged} unchanged + &lt;b&gt;{rejected} rejected&lt;/b&gt;.&lt;br&gt;{warnings} rows flagged for checking; {ignored} empty/total rows ignored.</translation>
    </message>
    <message>
      <source>Laki-laki</source>
      <translation>Male</translation>
    </message>
    <message>
      <source>Perempuan</source>
      <translation>Female</translation>
    </message>
    <message>
      <source>Hidup</source>
      <translation>Living</translation>
    </message>
    <message>
      <source>Meninggal</source>
      <translation>Deceased</translation>
    </message>
    <message>
      <source>Pindah</source>
      <translation>Moved away</translation>
    </message>
    <message>
      <source>Fisik</source>
      <translation>Physical</translation>
    </message>
    <message>
      <source>Intelektual</source>
      <translation>Intellectual</translation>
    </message>
    <message>
      <source>Mental</source>
      <translation>Mental</translation>
    </message>
    <message>
      <source>Sensorik netra</source>
      <translation>Sensory: blind</translation>
    </message>
    <message>
      <source>Sensorik rungu</source>
      <translation>Sensory: deaf</translation>
    </message>
    <message>
      <source>Sensorik wicara</source>
      <translation>Sensory: speech</translation>
    </message>
    <message>
      <source>Ganda</source>
      <translation>Multiple</translation>
    </message>
    <message>
      <source>Orang</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Keluarga</source>
      <translation>Families</translation>
    </message>
    <message>
      <source>Komunitas</source>
      <translation>Community</translation>
    </message>
    <message>
      <source>Desa</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>Lainnya</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>Tertangani</source>
      <translation>Handled</translation>
    </message>
    <message>
      <source>Lembaga</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>Dinas Sosial</source>
      <translation>Social Affairs Office</translation>
    </message>
    <message>
      <source>Puskesmas / RSUD</source>
      <translation>Health centre / hospital</translation>
    </message>
    <message>
      <source>Panti / LKS</source>
      <translation>Care home / LKS</translation>
    </message>
    <message>
      <source>Biasa</source>
      <translation>Ordinary</translation>
    </message>
    <message>
      <source>Segera</source>
      <translation>Urgent</translation>
    </message>
    <message>
      <source>Sangat segera</source>
      <translation>Very urgent</translation>
    </message>
    <message>
      <source>Konsep</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Ditandatangani</source>
      <translation>Signed</translation>
    </message>
    <message>
      <source>Dikirim</source>
      <translation>Sent</translation>
    </message>
    <message>
      <source>Diterima lembaga</source>
      <translation>Received by the institution</translation>
    </message>
    <message>
      <source>Ditindaklanjuti</source>
      <translation>Followed up</translation>
    </message>
    <message>
      <source>Terbit</source>
      <translation>Issued</translation>
    </message>
    <message>
      <source>Dibatalkan</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <source>APBD Provinsi</source>
      <translation>Provincial budget</translation>
    </message>
    <message>
      <source>APBD Kabupaten/Kota</source>
      <translation>Regency budget</translation>
    </message>
    <message>
      <source>Dana Desa</source>
      <translation>Village fund</translation>
    </message>
    <message>
      <source>Tunai</source>
      <translation>Cash</translation>
    </message>
    <message>
      <source>Per orang</source>
      <translation>Per person</translation>
    </message>
    <message>
      <source>Per keluarga</source>
      <translation>Per family</translation>
    </message>
    <message>
      <source>Draf</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Final</source>
      <translation>Final</translation>
    </message>
    <message>
      <source>Masuk</source>
      <translation>Included</translation>
    </message>
    <message>
      <source>Dikeluarkan</source>
      <translation>Excluded</translation>
    </message>
    <message>
      <source>NIK ganda</source>
      <translation>Duplicate NIK</translation>
    </message>
    <message>
      <source>No. KK ganda</source>
      <translation>Duplicate family card no.</translation>
    </message>
    <message>
      <source>Program lain</source>
      <translation>Other programme</translation>
    </message>
    <message>
      <source>Tanpa NIK</source>
      <translation>No NIK</translation>
    </message>
    <message>
      <source>Tetap</source>
      <translation>Keep</translation>
    </message>
    <message>
      <source>Direncanakan</source>
      <translation>Planned</translation>
    </message>
    <message>
      <source>Berlangsung</source>
      <translation>Under way</translation>
    </message>
    <message>
      <source>Ditutup</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>diambil</source>
      <translation>collected</translation>
    </message>
    <message>
      <source>tidak hadir</source>
      <translation>absent</translation>
    </message>
    <message>
      <source>ditutup</source>
      <translation>closed</translation>
    </message>
    <message>
      <source>dibuka kembali</source>
      <translation>reopened</translation>
    </message>
    <message>
      <source>Admin</source>
      <translation>Admin</translation>
    </message>
    <message>
      <source>Camat/Kasi</source>
      <translation>Camat/Kasi</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operator</translation>
    </message>
    <message>
      <source>Petugas meja</source>
      <translation>Desk officer</translation>
    </message>
    <message>
      <source>Tamu</source>
      <translation>Guest</translation>
    </message>
    <message>
      <source>Asesmen</source>
      <translation>Assessed</translation>
    </message>
    <message>
      <source>Pendampingan</source>
      <translation>Mentoring</translation>
    </message>
    <message>
      <source>Penyuluhan</source>
      <translation>Outreach</translation>
    </message>
    <message>
      <source>Rujukan</source>
      <translation>Referrals</translation>
    </message>
    <message>
      <source>Penyaluran bantuan</source>
      <translation>Aid distribution</translation>
    </message>
    <message>
      <source>Verivali data</source>
      <translation>Data verivali</translation>
    </message>
    <message>
      <source>Tanggap bencana</source>
      <translation>Disaster response</translation>
    </message>
    <message>
      <source>Rapat koordinasi</source>
      <translation>Coordination meeting</translation>
    </message>
    <message>
      <source>Monitoring</source>
      <translation>Monitoring</translation>
    </message>
    <message>
      <source>Tindak lanjut rujukan</source>
      <translation>Referral follow-up</translation>
    </message>
    <message>
      <source>Graduasi</source>
      <translation>Graduation</translation>
    </message>
    <message>
      <source>Datang langsung</source>
      <translation>In person</translation>
    </message>
    <message>
      <source>Telepon</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Surat</source>
      <translation>Letter</translation>
    </message>
    <message>
      <source>Belum terdaftar</source>
      <translation>Not registered</translation>
    </message>
    <message>
      <source>Salah sasaran</source>
      <translation>Wrongly targeted</translation>
    </message>
    <message>
      <source>Tidak menerima bantuan</source>
      <translation>Aid not received</translation>
    </message>
    <message>
      <source>Data salah</source>
      <translation>Wrong data</translation>
    </message>
    <message>
      <source>Diproses</source>
      <translation>Being processed</translation>
    </message>
    <message>
      <source>Menunggu pihak lain</source>
      <translation>Waiting for others</translation>
    </message>
    <message>
      <source>Berjalan</source>
      <translation>In progress</translation>
    </message>
    <message>
      <source>Tetap layak</source>
      <translation>Still eligible</translation>
    </message>
    <message>
      <source>Tidak layak/mampu</source>
      <translation>Not eligible/well-off</translation>
    </message>
    <message>
      <source>Tidak ditemukan</source>
      <translation>Not found</translation>
    </message>
    <message>
      <source>Perbaikan NIK/KK</source>
      <translation>NIK/KK correction</translation>
    </message>
    <message>
      <source>Usulan baru</source>
      <translation>New proposal</translation>
    </message>
    <message>
      <source>Dikembalikan</source>
      <translation>Returned</translation>
    </message>
    <message>
      <source>Dibahas di musdes</source>
      <translation>Discussed at the musdes</translation>
    </message>
    <message>
      <source>Dikirim ke SIKS-NG</source>
      <translation>Sent to SIKS-NG</translation>
    </message>
    <message>
      <source>Disetujui</source>
      <translation>Approved</translation>
    </message>
    <message>
      <source>Nama pengguna:</source>
      <translation>User name:</translation>
    </message>
    <message>
      <source>Kata sandi:</source>
      <translation>Password:</translation>
    </message>
    <message>
      <source>Lupa kata sandi Admin…</source>
      <translation>Forgot the Admin password…</translation>
    </message>
    <message>
      <source>Kata sandi baru</source>
      <translation>New password</translation>
    </message>
    <message>
      <source>Kata sandi baru:</source>
      <translation>New password:</translation>
    </message>
    <message>
      <source>Ulangi kata sandi:</source>
      <translation>Repeat password:</translation>
    </message>
    <message>
      <source>Pulihkan akun Admin</source>
      <translation>Recover the Admin account</translation>
    </message>
    <message>
      <source>Kode pemulihan:</source>
      <translation>Recovery code:</translation>
    </message>
    <message>
      <source>Nama Admin:</source>
      <translation>Admin name:</translation>
    </message>
    <message>
      <source>Kode pemulihan Admin</source>
      <translation>Admin recovery code</translation>
    </message>
    <message>
      <source>Saya sudah mencatat kode ini dan menyimpannya di tempat aman</source>
      <translation>I have written this code down and keep it in a safe place</translation>
    </message>
    <message>
      <source>Kode ini satu-satunya jalan bila kata sandi Admin hilang. Tulis atau cetak, simpan di lemari kantor, jangan di komputer ini. Kode hanya ditampilkan sekarang.</source>
      <translation>This code is the only way back in if the Admin password is lost. Write it down or print it and keep it in the office cupboard, not on this computer. The code is shown only now.</translation>
    </message>
    <message>
      <source>Admin pertama</source>
      <translation>First Admin</translation>
    </message>
    <message>
      <source>Nama lengkap:</source>
      <translation>Full name:</translation>
    </message>
    <message>
      <source>Simpul — kunci layar</source>
      <translation>Simpul — screen locked</translation>
    </message>
    <message>
      <source>Simpul — masuk</source>
      <translation>Simpul — log in</translation>
    </message>
    <message>
      <source>Kata sandi Anda diatur ulang oleh Admin. Pilih kata sandi baru yang hanya Anda ketahui.</source>
      <translation>Your password was reset by an Admin. Choose a new password that only you know.</translation>
    </message>
    <message>
      <source>Pulihkan</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>Kode pemulihan dicetak saat Admin pertama dibuat. Satu kode hanya berlaku sekali; kode berikutnya ditampilkan sesudahnya.</source>
      <translation>The recovery code was printed when the first Admin was created. Each code works only once; the next code is shown afterwards.</translation>
    </message>
    <message>
      <source>Buat akun Admin</source>
      <translation>Create the Admin account</translation>
    </message>
    <message>
      <source>Registri ini berisi data pribadi. Buat akun Admin pertama: Admin menambah pengguna lain (Camat/Kasi, operator, petugas meja, tamu) dengan hak masing-masing.</source>
      <translation>This registry holds personal data. Create the first Admin account: the Admin adds the other users (Camat/Kasi, operators, desk officers, guests), each with their own rights.</translation>
    </message>
    <message>
      <source>Layar dikunci karena lama tidak dipakai. Masukkan kata sandi untuk melanjutkan.</source>
      <translation>The screen was locked after a period of inactivity. Enter your password to continue.</translation>
    </message>
    <message>
      <source>Beranda</source>
      <translation>Home</translation>
    </message>
    <message>
      <source>Penduduk &amp; PPKS</source>
      <translation>Persons &amp; PPKS</translation>
    </message>
    <message>
      <source>Kerja PSKS</source>
      <translation>PSKS work</translation>
    </message>
    <message>
      <source>Bantuan</source>
      <translation>Aid</translation>
    </message>
    <message>
      <source>Pengaduan &amp; Verivali</source>
      <translation>Complaints &amp; Verivali</translation>
    </message>
    <message>
      <source>Impor &amp; Ekspor</source>
      <translation>Import &amp; Export</translation>
    </message>
    <message>
      <source>Pengaturan</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>DEMO — data contoh buatan, bukan data warga sebenarnya. Semua hak terbuka.</source>
      <translation>DEMO — made-up sample data, not real residents' data. All rights are open.</translation>
    </message>
    <message>
      <source>Basis data: {db}</source>
      <translation>Database: {db}</translation>
    </message>
    <message>
      <source>Kecamatan {kecamatan}, {regency} · {families} keluarga · {persons} penduduk · {ppks} catatan PPKS · {psks} PSKS</source>
      <translation>Kecamatan {kecamatan}, {regency} · {families} families · {persons} persons · {ppks} PPKS records · {psks} PSKS</translation>
    </message>
    <message>
      <source>Masuk sebagai {name} ({role})</source>
      <translation>Logged in as {name} ({role})</translation>
    </message>
    <message>
      <source>Dibatalkan. Tidak ada data yang berubah.</source>
      <translation>Cancelled. Nothing was changed.</translation>
    </message>
    <message>
      <source>Terjadi kesalahan yang tidak terduga; tidak ada data yang berubah. Sampaikan pesan ini kepada pengelola Simpul:
{error}</source>
      <translation>An unexpected error occurred; nothing was changed. Please pass this message on to whoever looks after Simpul:
{error}</translation>
    </message>
    <message>
      <source>Berkas tidak bisa dibuka atau ditulis: {reason}. Periksa foldernya lalu coba lagi.</source>
      <translation>The file cannot be opened or written: {reason}. Check the folder and try again.</translation>
    </message>
    <message>
      <source>PSKS</source>
      <translation>PSKS</translation>
    </message>
    <message>
      <source>Jenis</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Kegiatan</source>
      <translation>Activities</translation>
    </message>
    <message>
      <source>Foto</source>
      <translation>Photos</translation>
    </message>
    <message>
      <source>Semua bulan</source>
      <translation>All months</translation>
    </message>
    <message>
      <source>Kegiatan baru…</source>
      <translation>New activity…</translation>
    </message>
    <message>
      <source>Hapus</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Impor dari Excel PSKS…</source>
      <translation>Import from PSKS Excel…</translation>
    </message>
    <message>
      <source>Impor kegiatan</source>
      <translation>Import activities</translation>
    </message>
    <message>
      <source>Semua PSKS</source>
      <translation>All PSKS</translation>
    </message>
    <message>
      <source>Semua desa</source>
      <translation>All villages</translation>
    </message>
    <message>
      <source>Pilih satu kegiatan di daftar.</source>
      <translation>Select one activity in the list.</translation>
    </message>
    <message>
      <source>Pilih dulu PSKS yang melapor di saringan PSKS.</source>
      <translation>First choose the reporting PSKS in the PSKS filter.</translation>
    </message>
    <message>
      <source>Excel (*.xlsx)</source>
      <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Semua jenis</source>
      <translation>All types</translation>
    </message>
    <message>
      <source>{n} kegiatan</source>
      <translation>{n} activities</translation>
    </message>
    <message>
      <source>Hapus kegiatan</source>
      <translation>Delete activity</translation>
    </message>
    <message>
      <source>Hapus kegiatan ini beserta fotonya? Riwayat perubahan tetap tercatat.</source>
      <translation>Delete this activity with its photos? The change history stays on record.</translation>
    </message>
    <message>
      <source>{taken} kegiatan diambil, {refused} baris ditolak.</source>
      <translation>{taken} activities taken in, {refused} rows rejected.</translation>
    </message>
    <message>
      <source>Baris {row}: {reason}</source>
      <translation>Row {row}: {reason}</translation>
    </message>
    <message>
      <source>… dan {n} baris lain.</source>
      <translation>… and {n} more rows.</translation>
    </message>
    <message>
      <source>mis. Asesmen lansia terlantar di RT 004</source>
      <translation>e.g. Assessment of a neglected elderly person in RT 004</translation>
    </message>
    <message>
      <source>Uraian: apa yang dilakukan, hasilnya, tindak lanjutnya</source>
      <translation>Description: what was done, the result, the follow-up</translation>
    </message>
    <message>
      <source>PSKS:</source>
      <translation>PSKS:</translation>
    </message>
    <message>
      <source>Jenis kegiatan:</source>
      <translation>Kind of activity:</translation>
    </message>
    <message>
      <source>Uraian:</source>
      <translation>Description:</translation>
    </message>
    <message>
      <source>Orang dilayani:</source>
      <translation>Persons served:</translation>
    </message>
    <message>
      <source>Keluarga dilayani:</source>
      <translation>Families served:</translation>
    </message>
    <message>
      <source>Warga terdaftar yang dilayani</source>
      <translation>Registered residents served</translation>
    </message>
    <message>
      <source>Foto (paling banyak 5)</source>
      <translation>Photos (at most 5)</translation>
    </message>
    <message>
      <source>Foto diperkecil sampai 1 MB; waktu pengambilan dan GPS tetap tersimpan.</source>
      <translation>Photos are reduced to 1 MB; the time taken and the GPS position are kept.</translation>
    </message>
    <message>
      <source>Ubah kegiatan PSKS</source>
      <translation>Edit PSKS activity</translation>
    </message>
    <message>
      <source>Kegiatan PSKS baru</source>
      <translation>New PSKS activity</translation>
    </message>
    <message>
      <source>Belum ada PSKS aktif; catat PSKS dulu di bagian PSKS.</source>
      <translation>No active PSKS yet; record the PSKS first under PSKS.</translation>
    </message>
    <message>
      <source>(tidak di satu desa)</source>
      <translation>(not in a single village)</translation>
    </message>
    <message>
      <source>Tutup bulan…</source>
      <translation>Close month…</translation>
    </message>
    <message>
      <source>Revisi…</source>
      <translation>Revision…</translation>
    </message>
    <message>
      <source>Cetak PDF…</source>
      <translation>Print PDF…</translation>
    </message>
    <message>
      <source>Simpan xlsx…</source>
      <translation>Save xlsx…</translation>
    </message>
    <message>
      <source>Laporan tahunan (xlsx)…</source>
      <translation>Annual report (xlsx)…</translation>
    </message>
    <message>
      <source>Laporan TKSK/PSM (PDF)…</source>
      <translation>TKSK/PSM report (PDF)…</translation>
    </message>
    <message>
      <source>Baris E-PSKS (xlsx)…</source>
      <translation>E-PSKS rows (xlsx)…</translation>
    </message>
    <message>
      <source>Laporan kegiatan bulanan satu TKSK/PSM untuk bulan terpilih</source>
      <translation>Monthly activity report of one TKSK/PSM for the selected month</translation>
    </message>
    <message>
      <source>Bulan</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>Ditutup oleh</source>
      <translation>Closed by</translation>
    </message>
    <message>
      <source>Pada</source>
      <translation>On</translation>
    </message>
    <message>
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <source>Uraian</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Tutup bulan</source>
      <translation>Close month</translation>
    </message>
    <message>
      <source>Revisi laporan bulanan</source>
      <translation>Revise monthly report</translation>
    </message>
    <message>
      <source>Dokumen PDF (*.pdf)</source>
      <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
      <source>Laporan bulanan {month}</source>
      <translation>Monthly report {month}</translation>
    </message>
    <message>
      <source>Menyusun laporan…</source>
      <translation>Compiling the report…</translation>
    </message>
    <message>
      <source>Laporan {who} {month}</source>
      <translation>Report {who} {month}</translation>
    </message>
    <message>
      <source>Tahun:</source>
      <translation>Year:</translation>
    </message>
    <message>
      <source>Terbuka</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Belum berakhir</source>
      <translation>Not ended yet</translation>
    </message>
    <message>
      <source>ISI BERUBAH</source>
      <translation>CONTENTS CHANGED</translation>
    </message>
    <message>
      <source>Angka langsung sama dengan laporan yang ditutup.</source>
      <translation>The live figures match the closed report.</translation>
    </message>
    <message>
      <source>Angka langsung sudah berbeda dari laporan yang ditutup (SHA-256 lain); terbitkan revisi bila perlu.</source>
      <translation>The live figures now differ from the closed report (different SHA-256); issue a revision if needed.</translation>
    </message>
    <message>
      <source>Menyimpan xlsx…</source>
      <translation>Saving xlsx…</translation>
    </message>
    <message>
      <source>Tersimpan: {file}</source>
      <translation>Saved: {file}</translation>
    </message>
    <message>
      <source>Angka langsung {month}; belum ditutup.</source>
      <translation>Live figures for {month}; not closed yet.</translation>
    </message>
    <message>
      <source>{month} sudah ditutup.
SHA-256: {sha}</source>
      <translation>{month} is closed.
SHA-256: {sha}</translation>
    </message>
    <message>
      <source>Alasan revisi {month} (terbitan sebelumnya tetap tersimpan):</source>
      <translation>Reason for revising {month} (the earlier issue stays on record):</translation>
    </message>
    <message>
      <source>Revisi tersimpan. SHA-256: {sha}</source>
      <translation>Revision saved. SHA-256: {sha}</translation>
    </message>
    <message>
      <source>Revisi {n}</source>
      <translation>Revision {n}</translation>
    </message>
    <message>
      <source>Tutup {month}? Angkanya dibekukan dan tidak dapat diubah lagi; koreksi hanya lewat revisi bernomor dengan alasan.</source>
      <translation>Close {month}? Its figures are frozen and can no longer be changed; corrections only through a numbered revision with a reason.</translation>
    </message>
    <message>
      <source>Revisi belum tersimpan:</source>
      <translation>Revision not saved:</translation>
    </message>
    <message>
      <source>Kunjungan rumah</source>
      <translation>Home visits</translation>
    </message>
    <message>
      <source>Laporan bulanan</source>
      <translation>Monthly report</translation>
    </message>
    <message>
      <source>Cari nama, NIK atau No. KK (paling sedikit 3 huruf)…</source>
      <translation>Search name, NIK or No. KK (at least 3 characters)…</translation>
    </message>
    <message>
      <source>Tambah foto…</source>
      <translation>Add photo…</translation>
    </message>
    <message>
      <source>Hapus foto</source>
      <translation>Remove photo</translation>
    </message>
    <message>
      <source>Tambahkan</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>Pilih</source>
      <translation>Select</translation>
    </message>
    <message>
      <source>Pilih foto</source>
      <translation>Choose photos</translation>
    </message>
    <message>
      <source>Foto (*.jpg *.jpeg *.png *.heic *.webp)</source>
      <translation>Photos (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
      <source>Paling banyak {n} foto.</source>
      <translation>At most {n} photos.</translation>
    </message>
    <message>
      <source>Rencanakan kunjungan rumah</source>
      <translation>Plan a home visit</translation>
    </message>
    <message>
      <source>Pilih PSKS atau ketik nama petugas</source>
      <translation>Choose a PSKS or type an officer's name</translation>
    </message>
    <message>
      <source>mis. Pemantauan kondisi lansia setelah menerima bantuan</source>
      <translation>e.g. Checking on an elderly person after receiving aid</translation>
    </message>
    <message>
      <source>Orang atau keluarga yang dikunjungi</source>
      <translation>Person or family visited</translation>
    </message>
    <message>
      <source>Tujuan:</source>
      <translation>Purpose:</translation>
    </message>
    <message>
      <source>Petugas:</source>
      <translation>Officer:</translation>
    </message>
    <message>
      <source>Jatuh tempo:</source>
      <translation>Due:</translation>
    </message>
    <message>
      <source>Alasan:</source>
      <translation>Reason:</translation>
    </message>
    <message>
      <source>Rencanakan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Catat hasil kunjungan</source>
      <translation>Record visit result</translation>
    </message>
    <message>
      <source>Tindak lanjut rujukan yang terkait dianggap selesai</source>
      <translation>Treat the follow-up of the related referral as done</translation>
    </message>
    <message>
      <source>Yang dikunjungi:</source>
      <translation>Person visited:</translation>
    </message>
    <message>
      <source>Tanggal kunjungan:</source>
      <translation>Visit date:</translation>
    </message>
    <message>
      <source>Hasil:</source>
      <translation>Result:</translation>
    </message>
    <message>
      <source>Rekomendasi:</source>
      <translation>Recommendation:</translation>
    </message>
    <message>
      <source>Simpan hasil</source>
      <translation>Save result</translation>
    </message>
    <message>
      <source>Kondisi rumah dan aset (seperti pemeriksaan lapangan DTSEN)</source>
      <translation>Housing and assets (as in the DTSEN field check)</translation>
    </message>
    <message>
      <source>(tidak diisi)</source>
      <translation>(not filled in)</translation>
    </message>
    <message>
      <source>Jatuh tempo</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>Tujuan</source>
      <translation>Addressee</translation>
    </message>
    <message>
      <source>Yang dikunjungi</source>
      <translation>Person visited</translation>
    </message>
    <message>
      <source>Petugas</source>
      <translation>Officer</translation>
    </message>
    <message>
      <source>Dikunjungi</source>
      <translation>Visited on</translation>
    </message>
    <message>
      <source>Belum dikunjungi</source>
      <translation>Not visited yet</translation>
    </message>
    <message>
      <source>Terlambat</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>Jatuh tempo minggu ini</source>
      <translation>Due this week</translation>
    </message>
    <message>
      <source>Sudah dikunjungi</source>
      <translation>Visited</translation>
    </message>
    <message>
      <source>Rencanakan kunjungan…</source>
      <translation>Plan a visit…</translation>
    </message>
    <message>
      <source>Catat hasil…</source>
      <translation>Record result…</translation>
    </message>
    <message>
      <source>Batalkan…</source>
      <translation>Cancel…</translation>
    </message>
    <message>
      <source>Cetak formulir kunjungan…</source>
      <translation>Print visit form…</translation>
    </message>
    <message>
      <source>Pilih satu kunjungan di daftar.</source>
      <translation>Select one visit in the list.</translation>
    </message>
    <message>
      <source>Batalkan kunjungan</source>
      <translation>Cancel visit</translation>
    </message>
    <message>
      <source>Alasan pembatalan:</source>
      <translation>Reason for cancelling:</translation>
    </message>
    <message>
      <source>Formulir kunjungan rumah {holder}</source>
      <translation>Home visit form {holder}</translation>
    </message>
    <message>
      <source>Tampilkan:</source>
      <translation>Show:</translation>
    </message>
    <message>
      <source>{n} kunjungan ditampilkan · {due} jatuh tempo minggu ini (kuning) · {late} terlambat (merah)</source>
      <translation>{n} visits shown · {due} due this week (yellow) · {late} overdue (red)</translation>
    </message>
    <message>
      <source>Nama lembaga:</source>
      <translation>Organisation name:</translation>
    </message>
    <message>
      <source>Ditujukan kepada (Yth.):</source>
      <translation>Addressed to (Yth.):</translation>
    </message>
    <message>
      <source>Kota (di – …):</source>
      <translation>City (di – …):</translation>
    </message>
    <message>
      <source>Telepon:</source>
      <translation>Phone:</translation>
    </message>
    <message>
      <source>Narahubung:</source>
      <translation>Contact person:</translation>
    </message>
    <message>
      <source>Penandatangan</source>
      <translation>Signer</translation>
    </message>
    <message>
      <source>Ditandatangani atas nama (a.n.) Camat</source>
      <translation>Signed on behalf of (a.n.) the Camat</translation>
    </message>
    <message>
      <source>mis. Kepala Seksi Kesejahteraan Sosial</source>
      <translation>e.g. Head of the Social Welfare Section</translation>
    </message>
    <message>
      <source>Surat mengambil nomor dari register saat ditandatangani. Tanpa centang, Camat menandatangani (nama dan NIP dari Pengaturan).</source>
      <translation>The letter takes its number from the register when it is signed. Unticked, the Camat signs (name and NIP from Settings).</translation>
    </message>
    <message>
      <source>Masih dipakai</source>
      <translation>Still in use</translation>
    </message>
    <message>
      <source>Jenis:</source>
      <translation>Type:</translation>
    </message>
    <message>
      <source>Lembaga tujuan rujukan</source>
      <translation>Receiving institutions</translation>
    </message>
    <message>
      <source>Tambah lembaga</source>
      <translation>Add institution</translation>
    </message>
    <message>
      <source>Ubah</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>Register surat keluar</source>
      <translation>Outgoing-letter register</translation>
    </message>
    <message>
      <source>Batalkan nomor…</source>
      <translation>Cancel number…</translation>
    </message>
    <message>
      <source>Periksa keaslian surat</source>
      <translation>Check a letter</translation>
    </message>
    <message>
      <source>Tempel atau pindai teks kode QR surat di sini (dimulai dengan SIMPUL…)</source>
      <translation>Paste or scan the letter's QR text here (it starts with SIMPUL…)</translation>
    </message>
    <message>
      <source>Periksa</source>
      <translation>Check</translation>
    </message>
    <message>
      <source>Pangkat/golongan:</source>
      <translation>Rank/grade:</translation>
    </message>
    <message>
      <source>NIP:</source>
      <translation>NIP:</translation>
    </message>
    <message>
      <source>Tandatangani</source>
      <translation>Sign</translation>
    </message>
    <message>
      <source>Isi jabatan dan nama penandatangan.</source>
      <translation>Fill in the signer's position and name.</translation>
    </message>
    <message>
      <source>Ubah lembaga</source>
      <translation>Edit institution</translation>
    </message>
    <message>
      <source>Ditujukan kepada</source>
      <translation>Addressed to</translation>
    </message>
    <message>
      <source>Dipakai</source>
      <translation>In use</translation>
    </message>
    <message>
      <source>Nomor surat</source>
      <translation>Letter number</translation>
    </message>
    <message>
      <source>Perihal</source>
      <translation>Subject</translation>
    </message>
    <message>
      <source>Dicatat oleh</source>
      <translation>Recorded by</translation>
    </message>
    <message>
      <source>Nomor yang dibatalkan tetap tercatat dengan alasannya dan tidak dipakai lagi.</source>
      <translation>A cancelled number stays in the register with its reason and is never used again.</translation>
    </message>
    <message>
      <source>Nomor ini sudah dibatalkan.</source>
      <translation>This number is already cancelled.</translation>
    </message>
    <message>
      <source>Batalkan nomor</source>
      <translation>Cancel number</translation>
    </message>
    <message>
      <source>ya</source>
      <translation>yes</translation>
    </message>
    <message>
      <source>tidak</source>
      <translation>no</translation>
    </message>
    <message>
      <source>Dibatalkan: {reason}</source>
      <translation>Cancelled: {reason}</translation>
    </message>
    <message>
      <source>Alasan membatalkan nomor {number}:</source>
      <translation>Reason for cancelling number {number}:</translation>
    </message>
    <message>
      <source>Lembaga tujuan</source>
      <translation>Receiving institution</translation>
    </message>
    <message>
      <source>Kebutuhan</source>
      <translation>Need</translation>
    </message>
    <message>
      <source>Tindak lanjut s.d.</source>
      <translation>Follow up by</translation>
    </message>
    <message>
      <source>Rujukan baru</source>
      <translation>New referral</translation>
    </message>
    <message>
      <source>Ubah status…</source>
      <translation>Change status…</translation>
    </message>
    <message>
      <source>Pratinjau dan cetak surat…</source>
      <translation>Preview and print letter…</translation>
    </message>
    <message>
      <source>Lembaga tujuan…</source>
      <translation>Institutions…</translation>
    </message>
    <message>
      <source>Register surat…</source>
      <translation>Letter register…</translation>
    </message>
    <message>
      <source>Periksa keaslian surat…</source>
      <translation>Check a letter…</translation>
    </message>
    <message>
      <source>Surat rujukan diberi nomor dari register saat ditandatangani. Baris merah: tindak lanjut sudah lewat waktunya.</source>
      <translation>A referral letter takes its number from the register when it is signed. Red rows: the follow-up is overdue.</translation>
    </message>
    <message>
      <source>Riwayat rujukan terpilih</source>
      <translation>History of the selected referral</translation>
    </message>
    <message>
      <source>Konsep surat rujukan, belum bernomor</source>
      <translation>Draft referral letter, no number yet</translation>
    </message>
    <message>
      <source>(belum bernomor)</source>
      <translation>(no number yet)</translation>
    </message>
    <message>
      <source>Pilih satu rujukan di daftar.</source>
      <translation>Choose one referral in the list.</translation>
    </message>
    <message>
      <source>Rujukan ini sudah selesai.</source>
      <translation>This referral is already closed.</translation>
    </message>
    <message>
      <source>Ubah status</source>
      <translation>Change status</translation>
    </message>
    <message>
      <source>Status berikutnya:</source>
      <translation>Next status:</translation>
    </message>
    <message>
      <source>Catatan (boleh kosong):</source>
      <translation>Note (optional):</translation>
    </message>
    <message>
      <source>{count} rujukan, {late} lewat waktu tindak lanjut</source>
      <translation>{count} referrals, {late} past their follow-up date</translation>
    </message>
    <message>
      <source>Surat rujukan {number}</source>
      <translation>Referral letter {number}</translation>
    </message>
    <message>
      <source>Dari pengaduan {number} ({name}, {date})</source>
      <translation>From complaint {number} ({name}, {date})</translation>
    </message>
    <message>
      <source>Kunci tanda tangan surat kantor dilindungi frasa sandi penanda tangan. Masukkan frasa sandinya untuk menandatangani.</source>
      <translation>The office's letter-signing key is protected by the signer's passphrase. Enter it to sign.</translation>
    </message>
    <message>
      <source>Frasa sandi penanda tangan</source>
      <translation>Signer's passphrase</translation>
    </message>
    <message>
      <source>Tanda tangani</source>
      <translation>Sign</translation>
    </message>
    <message>
      <source>Frasa sandi salah. Coba lagi.</source>
      <translation>Wrong passphrase. Try again.</translation>
    </message>
    <message>
      <source>Fotokopi KTP</source>
      <translation>Copy of ID card (KTP)</translation>
    </message>
    <message>
      <source>Fotokopi KK</source>
      <translation>Copy of family card (KK)</translation>
    </message>
    <message>
      <source>Surat keterangan tidak mampu</source>
      <translation>Certificate of low income (SKTM)</translation>
    </message>
    <message>
      <source>Foto kondisi</source>
      <translation>Photos of the situation</translation>
    </message>
    <message>
      <source>Satu orang (NIK)</source>
      <translation>One person (NIK)</translation>
    </message>
    <message>
      <source>Satu keluarga (No. KK)</source>
      <translation>One family (No. KK)</translation>
    </message>
    <message>
      <source>16 digit NIK orang yang dirujuk</source>
      <translation>16-digit NIK of the person referred</translation>
    </message>
    <message>
      <source>Belum dipilih</source>
      <translation>Not chosen yet</translation>
    </message>
    <message>
      <source>mis. pemeriksaan dan bantuan alat bantu jalan</source>
      <translation>e.g. examination and a walking aid</translation>
    </message>
    <message>
      <source>Yang dirujuk:</source>
      <translation>Referred:</translation>
    </message>
    <message>
      <source>NIK / No. KK:</source>
      <translation>NIK / No. KK:</translation>
    </message>
    <message>
      <source>Lembaga tujuan:</source>
      <translation>Receiving institution:</translation>
    </message>
    <message>
      <source>Layanan yang dibutuhkan:</source>
      <translation>Service needed:</translation>
    </message>
    <message>
      <source>Permasalahan:</source>
      <translation>Problem:</translation>
    </message>
    <message>
      <source>Sifat surat:</source>
      <translation>Urgency:</translation>
    </message>
    <message>
      <source>Dokumen terlampir:</source>
      <translation>Enclosed documents:</translation>
    </message>
    <message>
      <source>Tindak lanjut s.d.:</source>
      <translation>Follow up by:</translation>
    </message>
    <message>
      <source>16 digit No. KK keluarga yang dirujuk</source>
      <translation>16-digit No. KK of the family referred</translation>
    </message>
    <message>
      <source>Isi NIK orang atau No. KK keluarga yang dirujuk (sudah terdaftar di Simpul).</source>
      <translation>Enter the NIK of the person or the No. KK of the family referred (already registered in Simpul).</translation>
    </message>
    <message>
      <source>No. KK ini belum terdaftar. Tambahkan keluarganya dulu di Keluarga.</source>
      <translation>This No. KK is not registered. Add the family first under Families.</translation>
    </message>
    <message>
      <source>NIK ini belum terdaftar. Tambahkan orangnya dulu di Penduduk &amp; PPKS.</source>
      <translation>This NIK is not registered. Add the person first under Persons &amp; PPKS.</translation>
    </message>
    <message>
      <source>Kepala keluarga</source>
      <translation>Head of family</translation>
    </message>
    <message>
      <source>NIK kepala</source>
      <translation>Head's NIK</translation>
    </message>
    <message>
      <source>Anggota</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>PPKS keluarga</source>
      <translation>Family PPKS</translation>
    </message>
    <message>
      <source>No. KK:</source>
      <translation>Family card no.:</translation>
    </message>
    <message>
      <source>Desa/Kelurahan:</source>
      <translation>Village:</translation>
    </message>
    <message>
      <source>Dusun:</source>
      <translation>Hamlet:</translation>
    </message>
    <message>
      <source>RT:</source>
      <translation>RT:</translation>
    </message>
    <message>
      <source>16 angka</source>
      <translation>16 digits</translation>
    </message>
    <message>
      <source>Cari No. KK, NIK atau nama anggota…</source>
      <translation>Search family card no., a member's NIK or name…</translation>
    </message>
    <message>
      <source>Pilih keluarga di daftar.</source>
      <translation>Select a family in the list.</translation>
    </message>
    <message>
      <source>Catat desil</source>
      <translation>Record decile</translation>
    </message>
    <message>
      <source>Anggota keluarga</source>
      <translation>Family members</translation>
    </message>
    <message>
      <source>Desil DTSEN</source>
      <translation>DTSEN decile</translation>
    </message>
    <message>
      <source>Desil:</source>
      <translation>Decile:</translation>
    </message>
    <message>
      <source>Per tanggal:</source>
      <translation>As of:</translation>
    </message>
    <message>
      <source>Sumber:</source>
      <translation>Source:</translation>
    </message>
    <message>
      <source>(tanpa No. KK)</source>
      <translation>(no family card no.)</translation>
    </message>
    <message>
      <source>(belum ada)</source>
      <translation>(none yet)</translation>
    </message>
    <message>
      <source>Ubah keluarga</source>
      <translation>Edit family</translation>
    </message>
    <message>
      <source>Tambah keluarga</source>
      <translation>Add family</translation>
    </message>
    <message>
      <source>RW:</source>
      <translation>RW:</translation>
    </message>
    <message>
      <source>Tambah anggota (NIK)…</source>
      <translation>Add member (NIK)…</translation>
    </message>
    <message>
      <source>Keluarkan</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Jadikan kepala</source>
      <translation>Make head</translation>
    </message>
    <message>
      <source>Tambah anggota</source>
      <translation>Add member</translation>
    </message>
    <message>
      <source>NIK penduduk yang sudah terdaftar:</source>
      <translation>NIK of a registered person:</translation>
    </message>
    <message>
      <source>Hubungan dalam keluarga:</source>
      <translation>Relationship in the family:</translation>
    </message>
    <message>
      <source>{n} keluarga</source>
      <translation>{n} families</translation>
    </message>
    <message>
      <source>NIK {nik} belum ada di registri. Tambahkan orangnya dulu di Penduduk &amp; PPKS.</source>
      <translation>NIK {nik} is not in the registry yet. Add the person first under Persons &amp; PPKS.</translation>
    </message>
    <message>
      <source>hubungan belum diisi</source>
      <translation>relationship not filled in</translation>
    </message>
    <message>
      <source>tanpa NIK</source>
      <translation>no NIK</translation>
    </message>
    <message>
      <source>Mencari…</source>
      <translation>Searching…</translation>
    </message>
    <message>
      <source>Tambah kategori PPKS</source>
      <translation>Add PPKS category</translation>
    </message>
    <message>
      <source>Permasalahan singkat</source>
      <translation>Problem in brief</translation>
    </message>
    <message>
      <source>Kategori:</source>
      <translation>Category:</translation>
    </message>
    <message>
      <source>Tanggal asesmen:</source>
      <translation>Assessment date:</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>Status:</translation>
    </message>
    <message>
      <source>Pilih seorang penduduk di daftar.</source>
      <translation>Select a person in the list.</translation>
    </message>
    <message>
      <source>PPKS</source>
      <translation>PPKS</translation>
    </message>
    <message>
      <source>Peran PSKS</source>
      <translation>PSKS roles</translation>
    </message>
    <message>
      <source>tanggal lahir belum diketahui</source>
      <translation>birth date not known</translation>
    </message>
    <message>
      <source>belum tercatat dalam keluarga</source>
      <translation>not recorded in a family</translation>
    </message>
    <message>
      <source>Ubah status PPKS</source>
      <translation>Change PPKS status</translation>
    </message>
    <message>
      <source>Status baru:</source>
      <translation>New status:</translation>
    </message>
    <message>
      <source>Kategori</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Catatan</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Tambah…</source>
      <translation>Add…</translation>
    </message>
    <message>
      <source>Tidak ada</source>
      <translation>None</translation>
    </message>
    <message>
      <source>Pilih dulu kategori PPKS di tabel.</source>
      <translation>Select a PPKS category in the table first.</translation>
    </message>
    <message>
      <source>Hapus kategori ini? Penghapusan bisa dikembalikan dari riwayat.</source>
      <translation>Delete this category? The deletion can be taken back from the history.</translation>
    </message>
    <message>
      <source>(keluarga)</source>
      <translation>(family)</translation>
    </message>
    <message>
      <source>alamat belum diisi</source>
      <translation>address not filled in</translation>
    </message>
    <message>
      <source>Tersimpan, dengan catatan:</source>
      <translation>Saved, with notes:</translation>
    </message>
    <message>
      <source>desil {n}</source>
      <translation>decile {n}</translation>
    </message>
    <message>
      <source>data sensitif</source>
      <translation>sensitive data</translation>
    </message>
    <message>
      <source>16 digit; kosongkan bila belum punya NIK</source>
      <translation>16 digits; leave empty if the person has no NIK</translation>
    </message>
    <message>
      <source>Buka data itu</source>
      <translation>Open that record</translation>
    </message>
    <message>
      <source>diketahui</source>
      <translation>known</translation>
    </message>
    <message>
      <source>NIK:</source>
      <translation>NIK:</translation>
    </message>
    <message>
      <source>Tempat lahir:</source>
      <translation>Place of birth:</translation>
    </message>
    <message>
      <source>Tanggal lahir:</source>
      <translation>Date of birth:</translation>
    </message>
    <message>
      <source>Hubungan keluarga:</source>
      <translation>Relationship:</translation>
    </message>
    <message>
      <source>Agama:</source>
      <translation>Religion:</translation>
    </message>
    <message>
      <source>Status kawin:</source>
      <translation>Marital status:</translation>
    </message>
    <message>
      <source>Pendidikan:</source>
      <translation>Education:</translation>
    </message>
    <message>
      <source>Pekerjaan:</source>
      <translation>Occupation:</translation>
    </message>
    <message>
      <source>Disabilitas:</source>
      <translation>Disability:</translation>
    </message>
    <message>
      <source>No. HP:</source>
      <translation>Mobile no.:</translation>
    </message>
    <message>
      <source>Simpan (Ctrl+S)</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <source>Ubah data penduduk</source>
      <translation>Edit person</translation>
    </message>
    <message>
      <source>Tambah penduduk</source>
      <translation>Add person</translation>
    </message>
    <message>
      <source>RT</source>
      <translation>RT</translation>
    </message>
    <message>
      <source>RW</source>
      <translation>RW</translation>
    </message>
    <message>
      <source>NIK disamarkan: hanya pengguna dengan hak NIK lengkap yang dapat melihat atau mengubahnya.</source>
      <translation>NIK masked: only a user with the full-NIK right can see or change it.</translation>
    </message>
    <message>
      <source>Tanpa NIK: data akan ditandai.</source>
      <translation>No NIK: the record will be flagged.</translation>
    </message>
    <message>
      <source>Ada perubahan yang belum disimpan. Simpan sekarang?</source>
      <translation>There are unsaved changes. Save now?</translation>
    </message>
    <message>
      <source>kode wilayah {code}</source>
      <translation>region code {code}</translation>
    </message>
    <message>
      <source>Lahir {date} · {sex} · diterbitkan di {where}</source>
      <translation>Born {date} · {sex} · issued in {where}</translation>
    </message>
    <message>
      <source>NIK ini sudah terdaftar atas nama {name}.</source>
      <translation>This NIK is already registered to {name}.</translation>
    </message>
    <message>
      <source>Semua umur</source>
      <translation>All ages</translation>
    </message>
    <message>
      <source>Balita (0–5)</source>
      <translation>Under five (0–5)</translation>
    </message>
    <message>
      <source>Anak (6–17)</source>
      <translation>Children (6–17)</translation>
    </message>
    <message>
      <source>Dewasa (18–59)</source>
      <translation>Adults (18–59)</translation>
    </message>
    <message>
      <source>Lansia (60+)</source>
      <translation>Elderly (60+)</translation>
    </message>
    <message>
      <source>Semua desil</source>
      <translation>All deciles</translation>
    </message>
    <message>
      <source>Desil 1</source>
      <translation>Decile 1</translation>
    </message>
    <message>
      <source>Desil 1–2</source>
      <translation>Deciles 1–2</translation>
    </message>
    <message>
      <source>Desil 1–3</source>
      <translation>Deciles 1–3</translation>
    </message>
    <message>
      <source>Desil 1–4</source>
      <translation>Deciles 1–4</translation>
    </message>
    <message>
      <source>Umur</source>
      <translation>Age</translation>
    </message>
    <message>
      <source>Cari nama, NIK, No. KK atau alamat…  (Ctrl+F)</source>
      <translation>Search name, NIK, family card no. or address…  (Ctrl+F)</translation>
    </message>
    <message>
      <source>NIK tidak cocok</source>
      <translation>NIK mismatch</translation>
    </message>
    <message>
      <source>Tambah (Ctrl+N)</source>
      <translation>Add (Ctrl+N)</translation>
    </message>
    <message>
      <source>Ubah (Enter)</source>
      <translation>Edit (Enter)</translation>
    </message>
    <message>
      <source>Aksi untuk terpilih</source>
      <translation>For the selected</translation>
    </message>
    <message>
      <source>Tambah kategori PPKS…</source>
      <translation>Add PPKS category…</translation>
    </message>
    <message>
      <source>Ubah status kategori PPKS…</source>
      <translation>Change PPKS category status…</translation>
    </message>
    <message>
      <source>Tampilkan NIK lengkap…</source>
      <translation>Show full NIKs…</translation>
    </message>
    <message>
      <source>kemungkinan data ganda</source>
      <translation>likely duplicates</translation>
    </message>
    <message>
      <source>anggota keluarga tanpa kepala keluarga</source>
      <translation>members of families without a head</translation>
    </message>
    <message>
      <source>Ubah status kategori PPKS untuk yang terpilih</source>
      <translation>Change a PPKS category status for the selected</translation>
    </message>
    <message>
      <source>Tujuan menampilkan NIK lengkap</source>
      <translation>Purpose of showing full NIKs</translation>
    </message>
    <message>
      <source>Samarkan NIK</source>
      <translation>Mask NIKs</translation>
    </message>
    <message>
      <source>Pilih dulu penduduknya (Ctrl+klik atau Shift+klik).</source>
      <translation>Select the persons first (Ctrl+click or Shift+click).</translation>
    </message>
    <message>
      <source>Mencatat kategori PPKS…</source>
      <translation>Recording the PPKS category…</translation>
    </message>
    <message>
      <source>Mengubah status PPKS…</source>
      <translation>Changing the PPKS status…</translation>
    </message>
    <message>
      <source>Menampilkan: {what} — ubah pencarian atau saringan untuk kembali</source>
      <translation>Showing: {what} — change the search or a filter to go back</translation>
    </message>
    <message>
      <source>{n} penduduk</source>
      <translation>{n} persons</translation>
    </message>
    <message>
      <source>Hapus {who} dari registri? Catatan PPKS-nya ikut terhapus; penghapusan dicatat di riwayat perubahan.</source>
      <translation>Delete {who} from the registry? Their PPKS records are deleted too; the deletion is kept in the change history.</translation>
    </message>
    <message>
      <source>Kategori dicatat untuk {n} orang.</source>
      <translation>Category recorded for {n} persons.</translation>
    </message>
    <message>
      <source>≥ {n} penduduk…</source>
      <translation>≥ {n} persons…</translation>
    </message>
    <message>
      <source>Status {n} catatan diubah menjadi {status}.</source>
      <translation>Status of {n} records changed to {status}.</translation>
    </message>
    <message>
      <source>{n} orang sudah memilikinya.</source>
      <translation>{n} persons already had it.</translation>
    </message>
    <message>
      <source>Tidak ada yang dihapus.</source>
      <translation>Nothing was deleted.</translation>
    </message>
    <message>
      <source>NIK pemegang:</source>
      <translation>Holder's NIK:</translation>
    </message>
    <message>
      <source>No. KK keluarga:</source>
      <translation>Family's card no.:</translation>
    </message>
    <message>
      <source>Nomor SK</source>
      <translation>Decree no.</translation>
    </message>
    <message>
      <source>Masa bakti s.d.</source>
      <translation>Term until</translation>
    </message>
    <message>
      <source>Hapus anggota</source>
      <translation>Remove member</translation>
    </message>
    <message>
      <source>Masih aktif</source>
      <translation>Still active</translation>
    </message>
    <message>
      <source>Jenis PSKS:</source>
      <translation>PSKS type:</translation>
    </message>
    <message>
      <source>Nomor SK:</source>
      <translation>Decree no.:</translation>
    </message>
    <message>
      <source>Tanggal SK:</source>
      <translation>Decree date:</translation>
    </message>
    <message>
      <source>Masa bakti:</source>
      <translation>Term:</translation>
    </message>
    <message>
      <source>Ketua:</source>
      <translation>Chair:</translation>
    </message>
    <message>
      <source>Wilayah layanan:</source>
      <translation>Villages served:</translation>
    </message>
    <message>
      <source>Anggota:</source>
      <translation>Members:</translation>
    </message>
    <message>
      <source>Cari nama, jenis atau nomor SK…</source>
      <translation>Search name, type or decree no.…</translation>
    </message>
    <message>
      <source>Hanya yang aktif</source>
      <translation>Active only</translation>
    </message>
    <message>
      <source>Ubah PSKS</source>
      <translation>Edit PSKS</translation>
    </message>
    <message>
      <source>Tambah PSKS</source>
      <translation>Add PSKS</translation>
    </message>
    <message>
      <source>Jabatan</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>NIK (bila terdaftar)</source>
      <translation>NIK (if registered)</translation>
    </message>
    <message>
      <source>NIK pemegang belum ada di registri; tambahkan orangnya dulu.</source>
      <translation>The holder's NIK is not in the registry; add the person first.</translation>
    </message>
    <message>
      <source>No. KK keluarga tidak ditemukan di registri.</source>
      <translation>The family card number was not found in the registry.</translation>
    </message>
    <message>
      <source>Hapus data PSKS ini beserta daftar anggotanya?</source>
      <translation>Delete this PSKS record with its member list?</translation>
    </message>
    <message>
      <source>Semua jenis PSKS</source>
      <translation>All PSKS types</translation>
    </message>
    <message>
      <source>{n} PSKS</source>
      <translation>{n} PSKS</translation>
    </message>
    <message>
      <source>manual</source>
      <translation>manual</translation>
    </message>
    <message>
      <source>otomatis</source>
      <translation>automatic</translation>
    </message>
    <message>
      <source>sebelum pemulihan</source>
      <translation>before a restore</translation>
    </message>
    <message>
      <source>sebelum pembaruan</source>
      <translation>before an upgrade</translation>
    </message>
    <message>
      <source>lainnya</source>
      <translation>other</translation>
    </message>
    <message>
      <source>Ukuran</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Isi</source>
      <translation>Contents</translation>
    </message>
    <message>
      <source>Pulihkan atau selamatkan…</source>
      <translation>Restore or salvage…</translation>
    </message>
    <message>
      <source>Pulihkan cadangan utuh terbaru</source>
      <translation>Restore the newest intact backup</translation>
    </message>
    <message>
      <source>Selamatkan data yang masih terbaca…</source>
      <translation>Salvage the data that can still be read…</translation>
    </message>
    <message>
      <source>Cadangan disimpan di folder {folder}. Simpul mencadangkan otomatis saat ditutup (paling banyak sekali sehari) dan menyimpan 7 harian, 4 mingguan, 12 bulanan. Cadangan ke flashdisk dienkripsi dengan kata sandi kantor.</source>
      <translation>Backups are kept in the folder {folder}. Simpul backs up automatically when it closes (at most once a day) and keeps 7 daily, 4 weekly and 12 monthly backups. Backups to a flash drive are encrypted with the office passphrase.</translation>
    </message>
    <message>
      <source>Cadangkan sekarang</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <source>Cadangkan ke flashdisk…</source>
      <translation>Back up to a flash drive…</translation>
    </message>
    <message>
      <source>Pulihkan…</source>
      <translation>Restore…</translation>
    </message>
    <message>
      <source>Pilih folder di flashdisk</source>
      <translation>Choose a folder on the flash drive</translation>
    </message>
    <message>
      <source>Kata sandi kantor</source>
      <translation>Office passphrase</translation>
    </message>
    <message>
      <source>Kata sandi kantor (minimal 8 karakter):</source>
      <translation>Office passphrase (at least 8 characters):</translation>
    </message>
    <message>
      <source>sudah diperiksa saat dibuat</source>
      <translation>verified when made</translation>
    </message>
    <message>
      <source>BELUM diperiksa</source>
      <translation>NOT verified</translation>
    </message>
    <message>
      <source>Pulihkan cadangan</source>
      <translation>Restore backup</translation>
    </message>
    <message>
      <source>Simpan data yang terselamatkan</source>
      <translation>Save the salvaged data</translation>
    </message>
    <message>
      <source>Basis data SQLite (*.db)</source>
      <translation>SQLite database (*.db)</translation>
    </message>
    <message>
      <source>Data terselamatkan</source>
      <translation>Salvaged data</translation>
    </message>
    <message>
      <source>Perubahan dan impor ditolak sampai basis data dipulihkan.</source>
      <translation>Changes and imports are refused until the database is restored.</translation>
    </message>
    <message>
      <source>Basis data ini RUSAK dan dibuka hanya untuk dibaca: perubahan dan impor ditolak. Pulihkan cadangan utuh terbaru, atau selamatkan data yang masih terbaca ke berkas baru.</source>
      <translation>This database is DAMAGED and open read-only: changes and imports are refused. Restore the newest intact backup, or salvage the data that can still be read into a new file.</translation>
    </message>
    <message>
      <source>diperiksa</source>
      <translation>verified</translation>
    </message>
    <message>
      <source>belum diperiksa</source>
      <translation>not verified</translation>
    </message>
    <message>
      <source>Mencadangkan dan memeriksa cadangan…</source>
      <translation>Backing up and verifying the backup…</translation>
    </message>
    <message>
      <source>Mencadangkan dan mengenkripsi…</source>
      <translation>Backing up and encrypting…</translation>
    </message>
    <message>
      <source>Pilih cadangan</source>
      <translation>Choose a backup</translation>
    </message>
    <message>
      <source>Cadangan Simpul (*.db *.simpulbak);;Semua berkas (*)</source>
      <translation>Simpul backups (*.db *.simpulbak);;All files (*)</translation>
    </message>
    <message>
      <source>Tidak ada cadangan utuh. Selamatkan data yang masih terbaca ke berkas baru.</source>
      <translation>There is no intact backup. Salvage the data that can still be read into a new file.</translation>
    </message>
    <message>
      <source>Memulihkan cadangan…</source>
      <translation>Restoring the backup…</translation>
    </message>
    <message>
      <source>Menyelamatkan data…</source>
      <translation>Salvaging data…</translation>
    </message>
    <message>
      <source>Pakai berkas ini sebagai basis data sekarang? Basis data yang rusak disimpan dulu sebagai salinan.</source>
      <translation>Use this file as the database now? The damaged database is first kept as a copy.</translation>
    </message>
    <message>
      <source>terenkripsi</source>
      <translation>encrypted</translation>
    </message>
    <message>
      <source>Cadangan dibuat dan diperiksa: {path}</source>
      <translation>Backup made and verified: {path}</translation>
    </message>
    <message>
      <source>Kedua kata sandi tidak sama; tidak ada cadangan yang dibuat.</source>
      <translation>The two passphrases differ; no backup was made.</translation>
    </message>
    <message>
      <source>Ganti seluruh basis data dengan cadangan ini?

{summary}
({checked})
{path}

Basis data sekarang disimpan dulu sebagai salinan di folder cadangan.</source>
      <translation>Replace the whole database with this backup?

{summary}
({checked})
{path}

The current database is first kept as a copy in the backup folder.</translation>
    </message>
    <message>
      <source>Dipulihkan dari cadangan {summary}.
Basis data sebelumnya disimpan di {safety}.</source>
      <translation>Restored from the backup of {summary}.
The previous database is kept at {safety}.</translation>
    </message>
    <message>
      <source>Cetak atau tulis kunci ini, lalu simpan di lemari terkunci, terpisah dari komputer. Jangan simpan sebagai berkas di komputer ini. Kunci ini hanya ditampilkan sekarang.</source>
      <translation>Print or write down this key and keep it locked away, apart from the computer. Do not save it as a file on this computer. It is shown only now.</translation>
    </message>
    <message>
      <source>Saya sudah mencatat kunci pemulihan</source>
      <translation>I have written down the recovery key</translation>
    </message>
    <message>
      <source>Kunci pemulihan</source>
      <translation>Recovery key</translation>
    </message>
    <message>
      <source>Enkripsi basis data</source>
      <translation>Database encryption</translation>
    </message>
    <message>
      <source>Enkripsi basis data…</source>
      <translation>Encrypt the database…</translation>
    </message>
    <message>
      <source>Tampilkan kunci pemulihan…</source>
      <translation>Show the recovery key…</translation>
    </message>
    <message>
      <source>Enkripsi basis data ini sekarang? Tutup dulu Simpul di komputer lain yang membuka berkas ini. Sesudahnya kunci pemulihan ditampilkan sekali: siapkan kertas.</source>
      <translation>Encrypt this database now? First close Simpul on any other computer that has this file open. Afterwards the recovery key is shown once: have paper ready.</translation>
    </message>
    <message>
      <source>Cetak…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <source>Salin</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>Berkas basis data ini terenkripsi (SQLCipher, AES-256), begitu pula cadangannya. Kuncinya tersimpan di penyimpanan kunci Windows komputer ini.</source>
      <translation>This database file is encrypted (SQLCipher, AES-256), and so are its backups. Its key is kept in this computer's Windows key store.</translation>
    </message>
    <message>
      <source>Berkas basis data ini BELUM terenkripsi: siapa pun yang menyalinnya dapat membaca NIK dan nama warga. Enkripsi sekarang: cadangan dibuat dulu, lalu berkas diganti salinan terenkripsi yang sudah diperiksa baris demi baris.</source>
      <translation>This database file is NOT encrypted yet: anyone who copies it can read residents' NIKs and names. Encrypt it now: a backup is made first, then the file is replaced by an encrypted copy checked row by row.</translation>
    </message>
    <message>
      <source>Mengenkripsi basis data…</source>
      <translation>Encrypting the database…</translation>
    </message>
    <message>
      <source>Kunci pemulihan basis data ini (tampilnya dicatat di jejak audit):</source>
      <translation>The recovery key of this database (showing it is kept in the audit trail):</translation>
    </message>
    <message>
      <source>Simpul: kunci pemulihan basis data</source>
      <translation>Simpul: database recovery key</translation>
    </message>
    <message>
      <source>Simpan di lemari terkunci, terpisah dari komputer.</source>
      <translation>Keep it locked away, apart from the computer.</translation>
    </message>
    <message>
      <source>Simpan pengaturan</source>
      <translation>Save settings</translation>
    </message>
    <message>
      <source>Profil kantor</source>
      <translation>Office profile</translation>
    </message>
    <message>
      <source>Cadangan</source>
      <translation>Backups</translation>
    </message>
    <message>
      <source>Pengguna</source>
      <translation>Users</translation>
    </message>
    <message>
      <source>Bahasa disimpan.</source>
      <translation>Language saved.</translation>
    </message>
    <message>
      <source>Bahasa / Language:</source>
      <translation>Bahasa / Language:</translation>
    </message>
    <message>
      <source>(berlaku saat Simpul dibuka lagi)</source>
      <translation>(applies when Simpul is opened again)</translation>
    </message>
    <message>
      <source>Tersimpan.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>Nama kantor</source>
      <translation>Office name</translation>
    </message>
    <message>
      <source>Kop baris 1</source>
      <translation>Letterhead line 1</translation>
    </message>
    <message>
      <source>Kop baris 2</source>
      <translation>Letterhead line 2</translation>
    </message>
    <message>
      <source>Alamat kantor</source>
      <translation>Office address</translation>
    </message>
    <message>
      <source>Tempat (di tanggal surat)</source>
      <translation>Place (in letter dates)</translation>
    </message>
    <message>
      <source>Kode pos</source>
      <translation>Postal code</translation>
    </message>
    <message>
      <source>Situs web</source>
      <translation>Website</translation>
    </message>
    <message>
      <source>Nama Camat</source>
      <translation>Camat's name</translation>
    </message>
    <message>
      <source>NIP Camat</source>
      <translation>Camat's NIP</translation>
    </message>
    <message>
      <source>Pangkat/golongan Camat</source>
      <translation>Camat's rank/grade</translation>
    </message>
    <message>
      <source>Nama TKSK</source>
      <translation>TKSK's name</translation>
    </message>
    <message>
      <source>NIP TKSK (bila ada)</source>
      <translation>TKSK's NIP (if any)</translation>
    </message>
    <message>
      <source>Pangkat TKSK (bila ada)</source>
      <translation>TKSK's rank (if any)</translation>
    </message>
    <message>
      <source>No. HP TKSK</source>
      <translation>TKSK's mobile no.</translation>
    </message>
    <message>
      <source>Pola nomor surat</source>
      <translation>Letter number pattern</translation>
    </message>
    <message>
      <source>Kode klasifikasi surat</source>
      <translation>Letter classification code</translation>
    </message>
    <message>
      <source>Kode unit pengolah</source>
      <translation>Unit code</translation>
    </message>
    <message>
      <source>Teks pembuka surat rujukan</source>
      <translation>Opening text of referral letters</translation>
    </message>
    <message>
      <source>Bagian yang bisa dipakai: {nomor} {klasifikasi} {unit} {bulan_romawi} {bulan} {tahun}</source>
      <translation>Parts you can use: {nomor} {klasifikasi} {unit} {bulan_romawi} {bulan} {tahun}</translation>
    </message>
    <message>
      <source>18 digit, misalnya 197505102001121016</source>
      <translation>18 digits, e.g. 197505102001121016</translation>
    </message>
    <message>
      <source>PEMERINTAH KABUPATEN …</source>
      <translation>PEMERINTAH KABUPATEN …</translation>
    </message>
    <message>
      <source>Belum ada logo</source>
      <translation>No logo yet</translation>
    </message>
    <message>
      <source>Pilih logo…</source>
      <translation>Choose logo…</translation>
    </message>
    <message>
      <source>Logo daerah:</source>
      <translation>Regional emblem:</translation>
    </message>
    <message>
      <source>Pilih logo</source>
      <translation>Choose a logo</translation>
    </message>
    <message>
      <source>Gambar (*.png *.jpg *.jpeg)</source>
      <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Logo terlalu besar (lebih dari 2 MB). Pilih gambar yang lebih kecil.</source>
      <translation>The logo is too large (over 2 MB). Choose a smaller image.</translation>
    </message>
    <message>
      <source>Kosongkan untuk teks bawaan. Isian yang bisa dipakai: {fields}</source>
      <translation>Leave empty for the built-in text. Fields you can use: {fields}</translation>
    </message>
    <message>
      <source>{field} wajib diisi.</source>
      <translation>{field} is required.</translation>
    </message>
    <message>
      <source>{field} harus 18 digit angka.</source>
      <translation>{field} must be 18 digits.</translation>
    </message>
    <message>
      <source>Wilayah kantor</source>
      <translation>The office's area</translation>
    </message>
    <message>
      <source>Pilih provinsi, kabupaten/kota dan kecamatan dari daftar Kemendagri.</source>
      <translation>Choose the province, regency/city and kecamatan from the Kemendagri list.</translation>
    </message>
    <message>
      <source>Provinsi:</source>
      <translation>Province:</translation>
    </message>
    <message>
      <source>Kabupaten/Kota:</source>
      <translation>Regency/City:</translation>
    </message>
    <message>
      <source>Kecamatan:</source>
      <translation>Kecamatan:</translation>
    </message>
    <message>
      <source>Kop surat dan penandatangan</source>
      <translation>Letterhead and signers</translation>
    </message>
    <message>
      <source>Dipakai di surat rujukan, daftar penerima dan berita acara. Bisa diubah nanti di Pengaturan.</source>
      <translation>Used on referral letters, recipient rosters and handover records. Can be changed later in Settings.</translation>
    </message>
    <message>
      <source>Mulai</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>Isi dengan data contoh untuk mencoba (2.000 keluarga sintetis, bukan orang sungguhan)</source>
      <translation>Fill with demo data to try things out (2,000 synthetic families, not real people)</translation>
    </message>
    <message>
      <source>Untuk kantor yang sebenarnya biarkan tidak dicentang, lalu impor data dari Dinas Sosial atau tambahkan penduduk satu per satu.</source>
      <translation>For a real office leave this unticked, then import data from the Dinas Sosial or add persons one by one.</translation>
    </message>
    <message>
      <source>Basis data ini terenkripsi. Kuncinya tersimpan di komputer ini; kunci pemulihan di bawah membukanya di komputer lain atau setelah Windows dipasang ulang.</source>
      <translation>This database is encrypted. Its key is kept on this computer; the recovery key below opens it on another computer or after Windows is reinstalled.</translation>
    </message>
    <message>
      <source>Penyiapan Simpul</source>
      <translation>Setting up Simpul</translation>
    </message>
    <message>
      <source>Menyiapkan basis data…</source>
      <translation>Preparing the database…</translation>
    </message>
    <message>
      <source>{code}: {desa} desa dan {kel} kelurahan.</source>
      <translation>{code}: {desa} villages (desa) and {kel} urban villages (kelurahan).</translation>
    </message>
    <message>
      <source>data sensitif (ODHA, NAPZA, korban perdagangan orang atau kekerasan, …)</source>
      <translation>sensitive data (ODHA, NAPZA, victims of trafficking or violence, …)</translation>
    </message>
    <message>
      <source>NIK dan No. KK lengkap (tanpa disamarkan)</source>
      <translation>full NIK and KK numbers (not masked)</translation>
    </message>
    <message>
      <source>Peran ini boleh: {rights}.</source>
      <translation>This role may: {rights}.</translation>
    </message>
    <message>
      <source>mis. siti atau operator1</source>
      <translation>e.g. siti or operator1</translation>
    </message>
    <message>
      <source>Peran:</source>
      <translation>Role:</translation>
    </message>
    <message>
      <source>Hak tambahan membuka data pribadi lebih jauh; berikan hanya bila pekerjaannya memerlukan. Boleh melihat:</source>
      <translation>Extra rights open personal data further; give them only when the work needs them. May see:</translation>
    </message>
    <message>
      <source>Atur ulang kata sandi</source>
      <translation>Reset password</translation>
    </message>
    <message>
      <source>Tambah pengguna</source>
      <translation>Add user</translation>
    </message>
    <message>
      <source>Sudah termasuk dalam peran ini.</source>
      <translation>Already part of this role.</translation>
    </message>
    <message>
      <source>Isi nama pengguna.</source>
      <translation>Enter a user name.</translation>
    </message>
    <message>
      <source>Ubah peran dan hak {name}</source>
      <translation>Change role and rights of {name}</translation>
    </message>
    <message>
      <source>Kata sandi baru untuk {who}. Sampaikan langsung kepadanya; kata sandi lama tidak berlaku lagi, dan akun yang terkunci sementara terbuka kembali.</source>
      <translation>A new password for {who}. Tell them in person; the old password no longer works, and a temporarily locked account is unlocked.</translation>
    </message>
    <message>
      <source>Nama pengguna</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>Nama lengkap</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Peran</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Hak tambahan</source>
      <translation>Extra rights</translation>
    </message>
    <message>
      <source>Terakhir masuk</source>
      <translation>Last login</translation>
    </message>
    <message>
      <source>nonaktif</source>
      <translation>disabled</translation>
    </message>
    <message>
      <source>terkunci sementara</source>
      <translation>temporarily locked</translation>
    </message>
    <message>
      <source>aktif</source>
      <translation>active</translation>
    </message>
    <message>
      <source>Setiap orang yang memakai Simpul masuk dengan akunnya sendiri. Peran menentukan apa yang boleh dilihat dan diubah; hak tambahan membuka data pribadi lebih jauh. Semua perubahan di sini dicatat di jejak audit.</source>
      <translation>Everyone who uses Simpul logs in with their own account. The role decides what they may see and change; extra rights open personal data further. Every change here is kept in the audit trail.</translation>
    </message>
    <message>
      <source>Tambah pengguna…</source>
      <translation>Add user…</translation>
    </message>
    <message>
      <source>Ubah peran dan hak…</source>
      <translation>Change role and rights…</translation>
    </message>
    <message>
      <source>Atur ulang kata sandi…</source>
      <translation>Reset password…</translation>
    </message>
    <message>
      <source>Nonaktifkan</source>
      <translation>Disable</translation>
    </message>
    <message>
      <source> menit</source>
      <translation> minutes</translation>
    </message>
    <message>
      <source>Aktifkan kembali akun {who}? Ia bisa masuk lagi dengan kata sandinya yang lama.</source>
      <translation>Enable the account of {who} again? They can log in with their old password.</translation>
    </message>
    <message>
      <source>Nonaktifkan akun {who}? Ia tidak bisa masuk lagi sampai diaktifkan kembali. Data yang pernah ia catat dan jejak auditnya tetap tersimpan.</source>
      <translation>Disable the account of {who}? They cannot log in until it is enabled again. The data they recorded and their audit trail are kept.</translation>
    </message>
    <message>
      <source>Kunci layar komputer ini setelah tidak dipakai selama</source>
      <translation>Lock this computer's screen after it is left unused for</translation>
    </message>
    <message>
      <source>belum pernah</source>
      <translation>never</translation>
    </message>
    <message>
      <source>Aktifkan kembali</source>
      <translation>Enable again</translation>
    </message>
    <message>
      <source>Akun {name} aktif kembali.</source>
      <translation>The account of {name} is active again.</translation>
    </message>
    <message>
      <source>Akun {name} dinonaktifkan.</source>
      <translation>The account of {name} was disabled.</translation>
    </message>
    <message>
      <source>(Anda)</source>
      <translation>(you)</translation>
    </message>
    <message>
      <source>Pengguna {name} ditambahkan.</source>
      <translation>User {name} added.</translation>
    </message>
    <message>
      <source>Peran dan hak {name} diubah.</source>
      <translation>The role and rights of {name} were changed.</translation>
    </message>
    <message>
      <source>Kata sandi {name} diganti. Sampaikan langsung kepadanya, jangan lewat pesan tertulis.</source>
      <translation>The password of {name} was changed. Tell them in person, not in a written message.</translation>
    </message>
    <message>
      <source>Tampilkan atau sembunyikan panel detail (F6)</source>
      <translation>Show or hide the detail panel (F6)</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>Kolom ini tidak bisa diurutkan</source>
      <translation>This column cannot be sorted</translation>
    </message>
    <message>
      <source>(terhapus)</source>
      <translation>(deleted)</translation>
    </message>
    <message>
      <source>minimal {n} karakter</source>
      <translation>at least {n} characters</translation>
    </message>
    <message>
      <source>Kedua kata sandi tidak sama.</source>
      <translation>The two passwords differ.</translation>
    </message>
    <message>
      <source>Simpan PDF…</source>
      <translation>Save PDF…</translation>
    </message>
    <message>
      <source>{pages} halaman</source>
      <translation>{pages} pages</translation>
    </message>
    <message>
      <source>Pemadanan data DTSEN untuk Dinas Sosial</source>
      <translation>DTSEN data matching for the Dinas Sosial</translation>
    </message>
    <message>
      <source>Usulan calon penerima bantuan (PKH, BPNT, PBI)</source>
      <translation>Proposed aid recipients (PKH, BPNT, PBI)</translation>
    </message>
    <message>
      <source>Verifikasi dan validasi lapangan</source>
      <translation>Field verification and validation</translation>
    </message>
    <message>
      <source>Laporan ke kabupaten</source>
      <translation>Report to the regency</translation>
    </message>
    <message>
      <source>Rujukan layanan</source>
      <translation>Service referral</translation>
    </message>
    <message>
      <source>Tulis atau pilih tujuannya</source>
      <translation>Type or choose the purpose</translation>
    </message>
    <message>
      <source>NIK dan No. KK lengkap (bawaan: disamarkan, mis. 6402********0001)</source>
      <translation>Full NIK and No. KK (default: masked, e.g. 6402********0001)</translation>
    </message>
    <message>
      <source>Tujuan ini dicatat di jejak audit bersama nama Anda dan waktunya.</source>
      <translation>The purpose is kept in the audit trail with your name and the time.</translation>
    </message>
    <message>
      <source>Peran Anda tidak berhak melihat NIK lengkap.</source>
      <translation>Your role may not see full NIKs.</translation>
    </message>
    <message>
      <source>Lanjutkan</source>
      <translation>Continue</translation>
    </message>
    <message>
      <source>Tuliskan tujuannya dulu.</source>
      <translation>Write the purpose first.</translation>
    </message>
    <message>
      <source>diisi</source>
      <translation>set</translation>
    </message>
    <message>
      <source>Riwayat perubahan</source>
      <translation>Change history</translation>
    </message>
    <message>
      <source>Kembalikan perubahan terpilih</source>
      <translation>Take back the selected change</translation>
    </message>
    <message>
      <source>Simpan PDF</source>
      <translation>Save PDF</translation>
    </message>
    <message>
      <source>Buka berkas</source>
      <translation>Open file</translation>
    </message>
    <message>
      <source>Mengekspor…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>Ekspor gagal.</source>
      <translation>Export failed.</translation>
    </message>
    <message>
      <source>Belum tersimpan:</source>
      <translation>Not saved:</translation>
    </message>
    <message>
      <source>Pilih perubahan di riwayat yang bisa dikembalikan.</source>
      <translation>Select a change in the history that can be taken back.</translation>
    </message>
    <message>
      <source>Dikembalikan, kecuali NIK/No. KK: jejak audit hanya menyimpannya tersamar. Ketik ulang dari KTP atau KK.</source>
      <translation>Taken back, except the NIK/family card no.: the audit trail keeps them masked only. Type them again from the ID card or family card.</translation>
    </message>
    <message>
      <source>Tersimpan: {file} ({n} baris)</source>
      <translation>Saved: {file} ({n} rows)</translation>
    </message>
    <message>
      <source>Dokumen tidak dapat disimpan di {path}: {reason}. Pilih folder lain atau tutup berkas itu bila sedang terbuka.</source>
      <translation>The document could not be saved to {path}: {reason}. Choose another folder, or close that file if it is open.</translation>
    </message>
    <message>
      <source>Buka basis data terenkripsi</source>
      <translation>Open an encrypted database</translation>
    </message>
    <message>
      <source>Buka</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Basis data {path} terenkripsi, dan komputer ini belum menyimpan kuncinya. Ketik kunci pemulihan yang dicetak saat basis data dibuat (14 kelompok huruf dan angka). Huruf besar/kecil dan tanda pisah tidak berpengaruh.</source>
      <translation>Database {path} is encrypted and this computer does not have its key yet. Type the recovery key printed when the database was made (14 groups of letters and digits). Case and dashes do not matter.</translation>
    </message>
    <message>
      <source>NIK penduduk atau No. KK yang diadukan (jika terdaftar)</source>
      <translation>NIK of the person or No. KK of the family concerned (if registered)</translation>
    </message>
    <message>
      <source>Selesai dan rujuk</source>
      <translation>Resolve and refer</translation>
    </message>
    <message>
      <source>mis. kursi roda, layanan kesehatan, perbaikan data Dukcapil</source>
      <translation>e.g. wheelchair, health care, Dukcapil data correction</translation>
    </message>
    <message>
      <source>Jawaban kepada pengadu</source>
      <translation>Answer to the complainant</translation>
    </message>
    <message>
      <source>Jawaban</source>
      <translation>Answer</translation>
    </message>
    <message>
      <source>Pengaduan baru</source>
      <translation>New complaint</translation>
    </message>
    <message>
      <source>Ubah pengaduan</source>
      <translation>Edit complaint</translation>
    </message>
    <message>
      <source>Diterima</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Melalui</source>
      <translation>Channel</translation>
    </message>
    <message>
      <source>Nama pengadu</source>
      <translation>Complainant's name</translation>
    </message>
    <message>
      <source>Tentang</source>
      <translation>Concerning</translation>
    </message>
    <message>
      <source>Program bantuan</source>
      <translation>Aid programme</translation>
    </message>
    <message>
      <source>Isi pengaduan</source>
      <translation>Complaint</translation>
    </message>
    <message>
      <source>NIK/No. KK ini belum terdaftar di Simpul; pengaduan tetap bisa dicatat tanpa kaitan.</source>
      <translation>This NIK/No. KK is not registered in Simpul; the complaint can still be recorded without a link.</translation>
    </message>
    <message>
      <source>Pengaduan ini belum dikaitkan dengan penduduk atau keluarga: ubah pengaduannya dulu (isian "Tentang").</source>
      <translation>This complaint is not linked to a person or family yet: edit the complaint first (the "Concerning" field).</translation>
    </message>
    <message>
      <source>Rujukan dibuat sebagai draf di Rujukan &amp; Surat; pengaduan ditutup dan terkunci.</source>
      <translation>The referral is created as a draft under Referrals; the complaint is closed and locked.</translation>
    </message>
    <message>
      <source>Tutup dan rujuk</source>
      <translation>Close and refer</translation>
    </message>
    <message>
      <source>(tidak ada)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>Dirujuk ke {institution}: {need}</source>
      <translation>Referred to {institution}: {need}</translation>
    </message>
    <message>
      <source>Dirujuk: &lt;b&gt;{who}&lt;/b&gt;</source>
      <translation>Referred: &lt;b&gt;{who}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Nomor</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>Pengadu</source>
      <translation>Complainant</translation>
    </message>
    <message>
      <source>Dijawab s.d.</source>
      <translation>Answer by</translation>
    </message>
    <message>
      <source>Pengaduan baru…</source>
      <translation>New complaint…</translation>
    </message>
    <message>
      <source>Tambah catatan…</source>
      <translation>Add note…</translation>
    </message>
    <message>
      <source>Selesai dan buat usulan…</source>
      <translation>Resolve and make a proposal…</translation>
    </message>
    <message>
      <source>Selesai dan rujuk…</source>
      <translation>Resolve and refer…</translation>
    </message>
    <message>
      <source>Buka usulan…</source>
      <translation>Open proposal…</translation>
    </message>
    <message>
      <source>Tanda terima…</source>
      <translation>Receipt…</translation>
    </message>
    <message>
      <source>Langkah penanganan</source>
      <translation>Handling steps</translation>
    </message>
    <message>
      <source>Jawaban / alasan:</source>
      <translation>Answer / reason:</translation>
    </message>
    <message>
      <source>Catatan (telepon balik, kunjungan…):</source>
      <translation>Note (call back, visit…):</translation>
    </message>
    <message>
      <source>Selesai dan buat usulan</source>
      <translation>Resolve and make a proposal</translation>
    </message>
    <message>
      <source>Jawaban kepada pengadu:</source>
      <translation>Answer to the complainant:</translation>
    </message>
    <message>
      <source>Pengaduan ini sudah ditutup dan terkunci.</source>
      <translation>This complaint is already closed and locked.</translation>
    </message>
    <message>
      <source>Tanda terima pengaduan</source>
      <translation>Complaint receipt</translation>
    </message>
    <message>
      <source>{n} pengaduan; {open} belum selesai, {late} lewat batas jawab (merah).</source>
      <translation>{n} complaints; {open} unresolved, {late} past the answer deadline (red).</translation>
    </message>
    <message>
      <source>Dirujuk: rujukan #{id} ke {institution} (lihat Rujukan &amp; Surat).</source>
      <translation>Referred: referral #{id} to {institution} (see Referrals).</translation>
    </message>
    <message>
      <source>Diusulkan: usulan #{id} (tab Usulan baru).</source>
      <translation>Proposed: proposal #{id} (New proposal tab).</translation>
    </message>
    <message>
      <source>Putaran verivali baru</source>
      <translation>New verivali round</translation>
    </message>
    <message>
      <source>semua desil</source>
      <translation>all deciles</translation>
    </message>
    <message>
      <source>Desa/kelurahan</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>Nama putaran</source>
      <translation>Round name</translation>
    </message>
    <message>
      <source>Batas waktu</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>Daftar awal</source>
      <translation>Initial list</translation>
    </message>
    <message>
      <source>Desil paling tinggi</source>
      <translation>Highest decile</translation>
    </message>
    <message>
      <source>Milik desa lain (tetap masuk registri, tidak masuk daftar putaran ini):</source>
      <translation>Belonging to another village (added to the registry, but not to this round's list):</translation>
    </message>
    <message>
      <source>Baris {row}: {name} – Desa {desa}</source>
      <translation>Row {row}: {name} – desa {desa}</translation>
    </message>
    <message>
      <source>Berkas menyebut desa lain, tetapi KK-nya di desa ini (ditandai silang data):</source>
      <translation>The file names another village, but the KK is in this village (flagged for cross-checking):</translation>
    </message>
    <message>
      <source>Tidak diambil:</source>
      <translation>Not taken:</translation>
    </message>
    <message>
      <source>Baris {row}: {name} – {reason}</source>
      <translation>Row {row}: {name} – {reason}</translation>
    </message>
    <message>
      <source>NIK yang benar</source>
      <translation>Correct NIK</translation>
    </message>
    <message>
      <source>No. KK yang benar</source>
      <translation>Correct No. KK</translation>
    </message>
    <message>
      <source>Musyawarah desa</source>
      <translation>Musyawarah desa (musdes)</translation>
    </message>
    <message>
      <source>Satu orang per baris: Nama; jabatan/unsur</source>
      <translation>One person per line: Name; position/group</translation>
    </message>
    <message>
      <source>Buat</source>
      <translation>Create</translation>
    </message>
    <message>
      <source>Prelist dari kabupaten</source>
      <translation>Prelist from the regency</translation>
    </message>
    <message>
      <source>Data (*.xlsx *.csv *.txt)</source>
      <translation>Data (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
      <source>{rows} baris dibaca: {listed} masuk daftar ({families} keluarga baru di daftar), {other} milik desa lain, {refused} tidak diambil.</source>
      <translation>{rows} rows read: {listed} listed ({families} new families on the list), {other} of other villages, {refused} not taken.</translation>
    </message>
    <message>
      <source>Pukul</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Nomor BA</source>
      <translation>BA number</translation>
    </message>
    <message>
      <source>Kop</source>
      <translation>Letterhead</translation>
    </message>
    <message>
      <source>Kepala Desa/Lurah</source>
      <translation>Kepala Desa/Lurah</translation>
    </message>
    <message>
      <source>Ketua BPD</source>
      <translation>Ketua BPD</translation>
    </message>
    <message>
      <source>Sebagai</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Pimpinan musyawarah</source>
      <translation>Chaired by</translation>
    </message>
    <message>
      <source>Yang hadir</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>Berkas prelist dari kabupaten (Excel/CSV)</source>
      <translation>Prelist file from the regency (Excel/CSV)</translation>
    </message>
    <message>
      <source>Keluarga desa ini di registri</source>
      <translation>This village's families in the registry</translation>
    </message>
    <message>
      <source>Kosong dulu</source>
      <translation>Empty for now</translation>
    </message>
    <message>
      <source>Laporan baris bermasalah: {path}</source>
      <translation>Report of the rows with problems: {path}</translation>
    </message>
    <message>
      <source>Kop kecamatan</source>
      <translation>Kecamatan letterhead</translation>
    </message>
    <message>
      <source>Kop desa</source>
      <translation>Village letterhead</translation>
    </message>
    <message>
      <source>… dan {n} baris lagi.</source>
      <translation>… and {n} more rows.</translation>
    </message>
    <message>
      <source>ART</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>Hasil</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Silang data</source>
      <translation>Cross-check</translation>
    </message>
    <message>
      <source>Ketik kode 1-8 untuk hasil baris terpilih (lalu pindah ke baris berikut); Enter: baris berikut; 0 atau Delete: hapus hasil.</source>
      <translation>Type code 1-8 for the selected row's result (it then moves to the next row); Enter: next row; 0 or Delete: clear the result.</translation>
    </message>
    <message>
      <source>Pengaduan</source>
      <translation>Complaints</translation>
    </message>
    <message>
      <source>Verivali per desa</source>
      <translation>Verivali by village</translation>
    </message>
    <message>
      <source>Riwayat status</source>
      <translation>Status history</translation>
    </message>
    <message>
      <source>(belum diisi)</source>
      <translation>(not filled in yet)</translation>
    </message>
    <message>
      <source>Yang diusulkan</source>
      <translation>Person proposed</translation>
    </message>
    <message>
      <source>Kriteria kemiskinan (centang yang sesuai)</source>
      <translation>Poverty criteria (tick those that apply)</translation>
    </message>
    <message>
      <source>Kondisi rumah</source>
      <translation>Housing condition</translation>
    </message>
    <message>
      <source>{n} angka</source>
      <translation>{n} digits</translation>
    </message>
    <message>
      <source>Usulan</source>
      <translation>Proposal</translation>
    </message>
    <message>
      <source>Nama ibu kandung</source>
      <translation>Mother's maiden name</translation>
    </message>
    <message>
      <source>Jumlah anggota keluarga</source>
      <translation>Number of family members</translation>
    </message>
    <message>
      <source>Status: {status}</source>
      <translation>Status: {status}</translation>
    </message>
    <message>
      <source>Alasannya:</source>
      <translation>Reason:</translation>
    </message>
    <message>
      <source>Ubah status:</source>
      <translation>Change status:</translation>
    </message>
    <message>
      <source>Status: {status}. Isi sesuai formulir usulan SIKS-NG.</source>
      <translation>Status: {status}. Fill in as on the SIKS-NG proposal form.</translation>
    </message>
    <message>
      <source>berasal dari {origin}</source>
      <translation>from {origin}</translation>
    </message>
    <message>
      <source>catatan: {note}</source>
      <translation>note: {note}</translation>
    </message>
    <message>
      <source>Belum lengkap untuk SIKS-NG: {fields}.</source>
      <translation>Incomplete for SIKS-NG: {fields}.</translation>
    </message>
    <message>
      <source>(tanpa keterangan)</source>
      <translation>(no caption)</translation>
    </message>
    <message>
      <source>tanpa waktu foto</source>
      <translation>no photo time</translation>
    </message>
    <message>
      <source>tanpa GPS</source>
      <translation>no GPS</translation>
    </message>
    <message>
      <source>Foto diperkecil sampai paling besar 1 MB; waktu dan lokasi GPS di foto tetap tersimpan.</source>
      <translation>Photos are reduced to at most 1 MB; the time and GPS location in the photo are kept.</translation>
    </message>
    <message>
      <source>Foto (*.jpg *.jpeg *.png)</source>
      <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>(foto tidak terbaca)</source>
      <translation>(photo unreadable)</translation>
    </message>
    <message>
      <source>Belum ada foto.</source>
      <translation>No photos yet.</translation>
    </message>
    <message>
      <source>Keterangan foto (tampak depan, dalam rumah, KK):</source>
      <translation>Photo caption (front view, inside the house, KK):</translation>
    </message>
    <message>
      <source>diambil {when}</source>
      <translation>taken {when}</translation>
    </message>
    <message>
      <source>Foto (paling banyak {n}: tampak depan, dalam rumah, KK)</source>
      <translation>Photos (at most {n}: front view, inside the house, KK)</translation>
    </message>
    <message>
      <source>Berkas foto tidak bisa dibaca: {error}</source>
      <translation>The photo file cannot be read: {error}</translation>
    </message>
    <message>
      <source>Belum lengkap</source>
      <translation>Incomplete</translation>
    </message>
    <message>
      <source>Usulan baru…</source>
      <translation>New proposal…</translation>
    </message>
    <message>
      <source>Buka formulir…</source>
      <translation>Open form…</translation>
    </message>
    <message>
      <source>Formulir usulan memuat isian SIKS-NG, kriteria kemiskinan, kondisi rumah, sampai tiga foto dan alur status. Buka dengan klik ganda.</source>
      <translation>The proposal form holds the SIKS-NG fields, poverty criteria, housing condition, up to three photos and the status flow. Open it with a double-click.</translation>
    </message>
    <message>
      <source>{n} usulan</source>
      <translation>{n} proposals</translation>
    </message>
    <message>
      <source>Putaran</source>
      <translation>Round</translation>
    </message>
    <message>
      <source>Diperiksa</source>
      <translation>Checked</translation>
    </message>
    <message>
      <source>Sumber</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Putaran baru…</source>
      <translation>New round…</translation>
    </message>
    <message>
      <source>Petugas per RT…</source>
      <translation>Officers per RT…</translation>
    </message>
    <message>
      <source>Keterangan…</source>
      <translation>Note…</translation>
    </message>
    <message>
      <source>Musdes…</source>
      <translation>Musdes…</translation>
    </message>
    <message>
      <source>Cetak / ekspor</source>
      <translation>Print / export</translation>
    </message>
    <message>
      <source>Lembar kerja petugas…</source>
      <translation>Officer worksheet…</translation>
    </message>
    <message>
      <source>Berita acara musdes…</source>
      <translation>Musdes report (BA)…</translation>
    </message>
    <message>
      <source>Daftar hadir musdes…</source>
      <translation>Musdes attendance list…</translation>
    </message>
    <message>
      <source>BNBA (Excel)…</source>
      <translation>BNBA (Excel)…</translation>
    </message>
    <message>
      <source>Rekap kecamatan untuk Camat…</source>
      <translation>Kecamatan recap for the Camat…</translation>
    </message>
    <message>
      <source>Rekap kecamatan (Excel)…</source>
      <translation>Kecamatan recap (Excel)…</translation>
    </message>
    <message>
      <source>Buat draf usulan</source>
      <translation>Make draft proposals</translation>
    </message>
    <message>
      <source>Tutup putaran…</source>
      <translation>Close round…</translation>
    </message>
    <message>
      <source>Batalkan penutupan…</source>
      <translation>Undo the close…</translation>
    </message>
    <message>
      <source>Hasil: 1 tetap layak · 2 tidak layak/mampu · 3 meninggal · 4 pindah · 5 tidak ditemukan · 6 ganda · 7 perbaikan NIK/KK · 8 usulan baru. Enter: baris berikut. Registri baru berubah saat putaran ditutup.</source>
      <translation>Result: 1 still eligible · 2 not eligible/well-off · 3 deceased · 4 moved away · 5 not found · 6 duplicate · 7 NIK/KK correction · 8 new proposal. Enter: next row. The registry changes only when the round is closed.</translation>
    </message>
    <message>
      <source>Petugas per RT</source>
      <translation>Officers per RT</translation>
    </message>
    <message>
      <source>Nama petugas (PSM/TKSK):</source>
      <translation>Officer's name (PSM/TKSK):</translation>
    </message>
    <message>
      <source>RT yang diperiksa (pisahkan dengan koma; kosong: semua RT):</source>
      <translation>RTs checked (separate with commas; empty: all RTs):</translation>
    </message>
    <message>
      <source>(semua petugas)</source>
      <translation>(all officers)</translation>
    </message>
    <message>
      <source>Lembar kerja</source>
      <translation>Worksheet</translation>
    </message>
    <message>
      <source>Simpan rekap</source>
      <translation>Save recap</translation>
    </message>
    <message>
      <source>Buku kerja Excel (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>Simpan BNBA</source>
      <translation>Save BNBA</translation>
    </message>
    <message>
      <source>ditutup: hasil sudah masuk registri</source>
      <translation>closed: the results are in the registry</translation>
    </message>
    <message>
      <source>berjalan</source>
      <translation>in progress</translation>
    </message>
    <message>
      <source>Belum ada putaran. Buat putaran baru untuk satu desa.</source>
      <translation>No rounds yet. Create a new round for one village.</translation>
    </message>
    <message>
      <source>Membaca prelist…</source>
      <translation>Reading the prelist…</translation>
    </message>
    <message>
      <source>Menutup putaran memasukkan {n} perubahan ke registri sebagai satu batch yang bisa dibatalkan. Setelah ditutup hasil tidak bisa diubah. Lanjutkan?</source>
      <translation>Closing the round writes {n} changes to the registry as one batch that can be undone. Once closed, the results cannot be changed. Continue?</translation>
    </message>
    <message>
      <source>Tutup putaran</source>
      <translation>Close round</translation>
    </message>
    <message>
      <source>Lembar kerja verivali</source>
      <translation>Verivali worksheet</translation>
    </message>
    <message>
      <source>Rekap verivali kecamatan</source>
      <translation>Kecamatan verivali recap</translation>
    </message>
    <message>
      <source>BA Musdes</source>
      <translation>BA Musdes</translation>
    </message>
    <message>
      <source>Daftar hadir</source>
      <translation>Attendance list</translation>
    </message>
    <message>
      <source>Keterangan / alasan untuk {name}:</source>
      <translation>Note / reason for {name}:</translation>
    </message>
    <message>
      <source>Tutup sekarang? Baris tanpa hasil tetap tercatat "belum diperiksa".</source>
      <translation>Close now? Rows without a result stay recorded as "not checked".</translation>
    </message>
    <message>
      <source>Batalkan penutupan</source>
      <translation>Undo the close</translation>
    </message>
    <message>
      <source>Semua perubahan registri dari putaran ini dikembalikan dan putaran dibuka lagi. Lanjutkan?</source>
      <translation>All registry changes from this round are taken back and the round is opened again. Continue?</translation>
    </message>
    <message>
      <source>{desa} · {name}: {done} dari {lines} baris diperiksa; {state}.</source>
      <translation>{desa} · {name}: {done} of {lines} rows checked; {state}.</translation>
    </message>
    <message>
      <source>Prelist {file}</source>
      <translation>Prelist {file}</translation>
    </message>
    <message>
      <source>{n} draf usulan dibuat dari baris berkode 8.</source>
      <translation>{n} draft proposals made from rows with code 8.</translation>
    </message>
  </context>
</TS>
