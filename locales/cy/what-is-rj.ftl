what-is-rj-title = Beth yw cyfiawnder adferol?
what-is-rj-lead = Mae cyfiawnder adferol yn gadael i chi ddweud wrth y person a wnaeth niwed i chi sut effeithiodd y drosedd arnoch chi. Mae hwylusydd hyfforddedig yn eich tywys ac yn eich cadw'n ddiogel.
what-is-rj-intro =
    Mae cyfiawnder adferol yn dod â phobl a gafodd eu niweidio gan drosedd a'r person sy'n gyfrifol at ei gilydd. Gallwch siarad â'ch gilydd neu ysgrifennu at eich gilydd. Gallwch esbonio gwir effaith y drosedd. Lle bo modd, gallwch gytuno sut i unioni'r niwed.

    Mae'n rhoi llais i chi. Mae hefyd yn dwyn y person sy'n gyfrifol i gyfrif. Mae'n ei helpu i dderbyn cyfrifoldeb a gwneud iawn.
what-is-rj-who =
    Mae ar eich cyfer chi os cawsoch chi eich niweidio gan drosedd. Mae hefyd ar gyfer:

    - aelodau o deulu rhywun a gafodd ei niweidio, gan gynnwys teuluoedd pobl sydd wedi marw
    - pobl sy'n cefnogi rhywun a gafodd ei niweidio, gyda chytundeb y person hwnnw

    Yng Nghymru a Lloegr, mae'r [Cod Dioddefwyr](page:rights) yn rhoi'r hawl i chi gael gwybod am gyfiawnder adferol. Os ydych chi eisiau hynny, mae gennych chi'r hawl i gael eich atgyfeirio at wasanaeth lleol lle mae un ar gael. Dim ond os yw'n ddiogel ac os yw pawb yn cytuno y bydd yn mynd yn ei flaen.
    .heading = Pwy all gymryd rhan
what-is-rj-what-it-gives =
    Mae pobl yn cymryd rhan am lawer o resymau. Efallai yr hoffech chi:

    - ddweud wrthyn nhw sut newidiodd y drosedd eich bywyd
    - ofyn cwestiynau na all neb ond nhw eu hateb, fel "pam fi?"
    - eu clywed yn derbyn yr hyn a wnaethon nhw
    - gytuno sut y gallan nhw unioni pethau
    - deimlo y gallwch chi symud ymlaen

    Mae ymchwil wedi dangos bod cyfiawnder adferol yn helpu i leihau aildroseddu. Felly gall hefyd helpu i atal yr un peth rhag digwydd i rywun arall.
    .heading = Beth all ei gynnig i chi
what-is-rj-safe =
    Mae hwylusydd hyfforddedig yn arwain pob cam. Mae'n cwrdd â chi a'r person sy'n gyfrifol ar wahân yn gyntaf. Mae'n gwirio ei bod yn ddiogel cyn i ddim byd fynd yn ei flaen.

    Os nad yw'n ddiogel, fydd dim byd yn mynd yn ei flaen.
    .heading = Mae hwylusydd yn eich cadw'n ddiogel
what-is-rj-voluntary =
    Eich dewis chi yw e. All neb eich gorfodi chi i gymryd rhan.

    Gallwch chi stopio ar unrhyw adeg, hyd yn oed ar y diwrnod. Does dim rhaid i chi roi rheswm.

    Mae am ddim.
    .heading = Mae am ddim a chi sy'n dewis
what-is-rj-admit =
    Dim ond os yw'r person sy'n gyfrifol yn derbyn mai nhw achosodd y niwed y bydd cyfiawnder adferol yn digwydd. Nid lle i ddadlau am yr hyn a ddigwyddodd yw e.

    Rhaid iddyn nhw fod eisiau cymryd rhan hefyd.
    .heading = Rhaid iddyn nhw dderbyn yr hyn a wnaethon nhw
what-is-rj-when =
    Gall ddigwydd ar unrhyw adeg: cyn i neb gael ei gyhuddo, cyn neu ar ôl dedfryd, neu tra bo'r person yn y carchar.

    Does dim terfyn amser. Mae rhai pobl yn cymryd rhan yn fuan ar ôl y drosedd. Mae eraill yn aros am flynyddoedd.
    .heading = Pryd y gall ddigwydd
