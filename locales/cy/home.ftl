home-title = Cyfiawnder adferol: help ar ôl trosedd
home-lead = Mae'r wefan hon yn esbonio cyfiawnder adferol yng Nghymru a Lloegr. Mae'n eich helpu i ddod o hyd i'ch gwasanaeth lleol a gofyn iddo gysylltu â chi.
home-emergency = Mewn argyfwng, ffoniwch 999.
