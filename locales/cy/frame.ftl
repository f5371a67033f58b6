# Y ffrâm o amgylch pob tudalen.
site-name = Cymorth cyfiawnder adferol
# Teitl tab y porwr: y dudalen, yna'r wefan.
page-title = { $page } – { $site }
frame-skip-link = Mynd i'r cynnwys
frame-exit = Gadael y dudalen
frame-exit-hint = Neu bwyswch <en>Shift</en> 3 gwaith
frame-footer-heading = Dolenni cymorth
frame-run-by = { $operator } sy'n rhedeg y wefan hon.
# Nifer yr ardaloedd heddlu: mae gan y Gymraeg chwe ffurf luosog.
area-count =
    { $count ->
        [zero] Dim un ardal heddlu
        [one] Un ardal heddlu
        [two] Dwy ardal heddlu
        [few] Tair ardal heddlu
        [many] Chwe ardal heddlu
       *[other] { $count } ardal heddlu
    }
frame-nav-label = Prif adrannau
# Y botwm sy'n agor y prif adrannau ar sgrin gul.
frame-menu = Dewislen
nav-about-rj = Am gyfiawnder adferol
nav-find = Dod o hyd i'ch gwasanaeth lleol
nav-rights = Eich hawliau
nav-questions = Cwestiynau
nav-help-now = Help nawr
# Rhannau o dudalennau gwybodaeth.
content-contents = Cynnwys
content-related = Tudalennau cysylltiedig
