find-title = Dod o hyd i'ch gwasanaeth lleol
find-lead = Dewch o hyd i'r gwasanaeth cyfiawnder adferol ar gyfer ardal heddlu yng Nghymru a Lloegr, a sut i gysylltu ag e.
find-label = Ble digwyddodd y drosedd?
find-hint = Rhowch god post, tref, cyngor neu ardal heddlu. Er enghraifft: CF10 1AA, Caerdydd, De Cymru. Dydyn ni ddim yn cadw'r hyn rydych chi'n ei deipio.
find-button = Chwilio
find-all-areas = Neu ddewiswch o'r rhestr o bob ardal heddlu
find-results-heading = Eich gwasanaeth lleol
find-your-area = Eich ardal heddlu yw { $area }.
find-matches-heading = Lleoedd sy'n cyfateb
find-candidates-heading = Dewiswch eich ardal heddlu
find-share = tua { $percent }% o'r codau post yma
find-see-area = Gweld ardal heddlu { $area }
lookup-spans = Mae'r rhan fwyaf o { $place } yn ardal { $first }. Mae rhan ohono yn ardal { $rest }. Rhowch eich cod post llawn i fod yn siŵr.
lookup-spans-scotland = Mae'r rhan fwyaf o { $place } yn ardal { $first }. Mae rhan ohono yn yr Alban. Rhowch eich cod post llawn i fod yn siŵr.
lookup-spans-several = Mae'r rhan fwyaf o { $place } yn ardal { $first }. Mae rhan ohono yn ardaloedd { $rest }. Rhowch eich cod post llawn i fod yn siŵr.
lookup-spans-and-scotland = Mae'r rhan fwyaf o { $place } yn ardal { $first }. Mae rhan ohono yn ardal { $rest }, a rhan yn yr Alban. Rhowch eich cod post llawn i fod yn siŵr.
lookup-spans-several-and-scotland = Mae'r rhan fwyaf o { $place } yn ardal { $first }. Mae rhan ohono yn ardaloedd { $rest }, a rhan yn yr Alban. Rhowch eich cod post llawn i fod yn siŵr.
lookup-not-live = Doedden ni ddim yn gallu dod o hyd i'r cod post { $place }. Efallai ei fod yn newydd neu ddim yn cael ei ddefnyddio mwyach. Mae'r ateb hwn ar gyfer { $part }.
lookup-terminated = Dydy'r cod post { $place } ddim yn cael ei ddefnyddio mwyach, neu mae'n newydd iawn. Mae'r cod post yn ardal { $area }.
lookup-outside-scotland = Mae'r wefan hon yn ymdrin â Chymru a Lloegr yn unig. Mae gan yr Alban ei system gyfiawnder a'i gwasanaethau ei hun. Gall Victim Support Scotland eich helpu chi yno.
lookup-outside-northern-ireland = Mae'r wefan hon yn ymdrin â Chymru a Lloegr yn unig. Mae gan Ogledd Iwerddon ei system gyfiawnder a'i gwasanaethau ei hun. Gall Victim Support NI eich helpu chi yno.
lookup-outside-isle-of-man = Mae'r wefan hon yn ymdrin â Chymru a Lloegr yn unig. Mae gan Ynys Manaw ei system gyfiawnder a'i gwasanaethau ei hun.
lookup-outside-channel-islands = Mae'r wefan hon yn ymdrin â Chymru a Lloegr yn unig. Mae gan Ynysoedd y Sianel eu systemau cyfiawnder a'u gwasanaethau eu hunain.
lookup-outside-bfpo = Mae cyfeiriad BFPO ar gyfer y lluoedd arfog dramor, felly does ganddo ddim ardal heddlu. Rhowch god post y lle rydych chi'n byw, neu'r lle y digwyddodd y drosedd.
lookup-not-found = Doedden ni ddim yn gallu dod o hyd i { $place }. Gwiriwch e, neu ddewiswch eich ardal heddlu o'r rhestr.
lookup-several = Mae sawl lle yn cyfateb. Dewiswch eich un chi.
lookup-near-boundary = Mae { $place } yn agos at ffin ardal { $area }. I fod yn siŵr, rhowch eich cod post.
lookup-no-match = Doedden ni ddim yn gallu dod o hyd i le o'r enw "{ $query }". Rhowch gynnig ar eich cod post, neu ddewiswch eich ardal heddlu o'r rhestr.
lookup-invalid = Rhowch god post, fel CF10 1AA, neu enw eich cyngor neu'ch ardal heddlu.
areas-title = Ardaloedd heddlu
areas-lead = Mae 43 o ardaloedd heddlu yng Nghymru a Lloegr. Dewiswch un i weld ei gwasanaeth cyfiawnder adferol a sut i gysylltu ag e.
areas-england = Lloegr
areas-wales = Cymru
area-councils-heading = Cynghorau yn yr ardal hon
area-service-heading = Gwasanaeth cyfiawnder adferol
area-phone = Ffôn
area-website = Gwefan
area-not-found-title = Heb ddod o hyd i'r ardal heddlu
find-usually = Fel arfer, eich gwasanaeth chi yw'r un ar gyfer yr ardal lle digwyddodd y drosedd, neu lle rhoddodd rhywun wybod i'r heddlu amdani. Efallai nad dyna lle rydych chi'n byw. Os nad ydych chi'n siŵr, gallwch chwilio hefyd am y lle rydych chi'n byw.
area-usually = Fel arfer, y gwasanaeth yw'r un ar gyfer yr ardal lle digwyddodd y drosedd, neu lle rhoddodd rhywun wybod i'r heddlu amdani. Efallai nad dyna lle rydych chi'n byw.
area-no-service = Dydyn ni ddim wedi dod o hyd i wasanaeth cyfiawnder adferol ar gyfer { $area }. Gallwch ofyn am gyfiawnder adferol o hyd yn y ffyrdd isod.
area-commissioner = Pwy sy'n comisiynu gwasanaethau i ddioddefwyr yma
area-commissioner-pcc = Comisiynydd Heddlu a Throseddu { $area }
area-youth-service = Ar gyfer achosion lle roedd y person sy'n gyfrifol o dan 18 oed.
area-email = E-bost
area-eligibility = Pwy all ei ddefnyddio
area-national-heading = Ffyrdd eraill o ofyn am gyfiawnder adferol
area-national-police = Gofynnwch i'r swyddog heddlu neu'r uned gofal tystion sy'n delio â'ch achos. O dan y Cod Dioddefwyr, gallan nhw eich atgyfeirio at wasanaethau cyfiawnder adferol.
area-national-victim-support = Ffoniwch Linell Gymorth Cymorth i Ddioddefwyr. Mae am ddim ac ar agor 24 awr y dydd:
area-national-why-me = Mae <en>Why me?</en> (Pam Fi?) yn elusen genedlaethol cyfiawnder adferol. Gall helpu pan na all gwasanaeth lleol dderbyn eich achos:
area-checked-heading = Pa mor gyfredol yw hyn
area-checked-on = Gwnaethon ni wirio'r manylion hyn gyda'r gwasanaeth ar { $date }.
area-not-checked = Does neb wedi gwirio'r manylion hyn gyda'r gwasanaeth eto.
area-facts-from = Maen nhw'n dod o dudalennau gwe cyhoeddus. Dyddiad y diweddaraf: { $date }.
area-facts-undated = Maen nhw'n dod o dudalennau gwe cyhoeddus sydd heb ddyddiad.
area-sources = O ble daw'r manylion hyn
area-report = Rhowch wybod i ni os oes rhywbeth yma'n anghywir neu wedi dyddio
area-report-subject = Manylion wedi dyddio: { $area }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
area-provider = Pwy sy'n ei redeg
area-no-adult-service = Dydyn ni ddim wedi dod o hyd i wasanaeth cyfiawnder adferol yn ardal { $area } sy'n derbyn achosion lle roedd y person sy'n gyfrifol yn 18 oed neu'n hŷn. Ar gyfer yr achosion hynny, gallwch ofyn o hyd yn y ffyrdd isod.
area-rj-page = Tudalen y comisiynydd am gyfiawnder adferol
area-rj-page-english = Tudalen y comisiynydd am gyfiawnder adferol (yn Saesneg)
# Pa mor siŵr ydyn ni o fanylion gwasanaeth: un frawddeg, o hyder yr ymchwil (high:
# mae tudalen swyddogol yn dweud hynny; medium: ffynonellau hen, anuniongyrchol neu
# drydydd parti; low: dim ond ffynonellau anuniongyrchol neu hen) ac a yw'r gweithredwr
# wedi'u gwirio gyda'r gwasanaeth.
service-sure = { $checked ->
    [yes] Gwnaethon ni wirio'r manylion hyn gyda'r gwasanaeth ar { $date }.
   *[no] { $confidence ->
        [high] Rydyn ni'n eithaf siŵr o'r manylion hyn, gan fod tudalen swyddogol yn eu rhoi, ond dydyn ni ddim wedi'u gwirio gyda'r gwasanaeth.
        [medium] Dydyn ni ddim yn hollol siŵr o'r manylion hyn, gan fod ein ffynonellau'n hen neu'n anuniongyrchol, a dydyn ni ddim wedi'u gwirio gyda'r gwasanaeth.
       *[low] Dydyn ni ddim yn siŵr o'r manylion hyn, gan mai dim ond ffynonellau hen neu anuniongyrchol a gawson ni, a dydyn ni ddim wedi'u gwirio gyda'r gwasanaeth.
    }
}
lookup-near-boundary-article = Mae'r { $place } yn agos at ffin ardal { $area }. I fod yn siŵr, rhowch eich cod post.
lookup-corrected = Yn dangos canlyniadau ar gyfer { $name }.
lookup-did-you-mean = Doedden ni ddim yn gallu dod o hyd i'r enw hwnnw. Oeddech chi'n golygu un o'r rhain?
lookup-region = Mae mwy nag un ardal heddlu yma. Dewiswch eich un chi.
# Ar gyfer "England" neu "Lloegr": mae rhestr hir yn dilyn, felly daw'r cod post yn gyntaf.
lookup-region-england =
    { $count ->
        [zero] Does dim un ardal heddlu yn Lloegr.
        [one] Mae un ardal heddlu yn Lloegr.
        [two] Mae dwy ardal heddlu yn Lloegr.
        [few] Mae tair ardal heddlu yn Lloegr.
        [many] Mae chwe ardal heddlu yn Lloegr.
       *[other] Mae { $count } ardal heddlu yn Lloegr.
    } Rhowch eich cod post i ddod o hyd i'ch un chi, neu ddewiswch hi o'r rhestr hon.
find-matched = Canlyniadau ar gyfer { $matched }
