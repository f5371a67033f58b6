privacy-title = Hysbysiad preifatrwydd
privacy-lead = Mae'r hysbysiad hwn yn dweud beth rydyn ni'n ei gasglu, pam, pwy sy'n ei weld a pha mor hir rydyn ni'n ei gadw.
privacy-intro = Gallwch chi ddarllen pob tudalen o'r wefan hon heb roi unrhyw fanylion personol i ni.
privacy-controller =
    { $operator } sy'n rhedeg y wefan hon. Ni yw'r rheolydd data. Mae hyn yn golygu mai ni sy'n penderfynu sut mae eich manylion yn cael eu defnyddio, ac mai ni sy'n eu cadw'n ddiogel.

    I holi am eich manylion, cysylltwch â ni ar { $contact }.
    .heading = Pwy ydyn ni
privacy-what =
    Dim ond os ydych chi'n gofyn i wasanaeth gysylltu â chi y byddwn ni'n casglu manylion personol. Yna rydyn ni'n casglu'r hyn rydych chi'n ei deipio yn y ffurflen. Mae hyn yn cynnwys:

    - eich enw
    - eich rhif ffôn neu'ch cyfeiriad e-bost
    - pryd mae'n ddiogel cysylltu â chi, ac a allan nhw adael neges
    - yr ardal heddlu a ddewisoch chi
    - unrhyw beth arall rydych chi'n penderfynu ei ddweud wrth y gwasanaeth
    .heading = Beth rydyn ni'n ei gasglu
privacy-why =
    Dim ond i anfon eich cais at wasanaeth cyfiawnder adferol ar gyfer yr ardal heddlu a ddewisoch chi y byddwn ni'n defnyddio eich manylion. Rydyn ni'n dibynnu ar eich caniatâd, a roddwch chi ar y ffurflen.
    .heading = Pam rydyn ni'n ei gasglu
privacy-who-receives =
    Rydyn ni'n cadw eich cais ar y wefan hon, wedi'i amgryptio. Rydyn ni'n anfon e-bost at y gwasanaeth cyfiawnder adferol ar gyfer yr ardal heddlu a ddewisoch chi i ddweud bod cais yn aros. Weithiau rydyn ni'n anfon e-bost at ein tîm ni yn gyntaf, a byddan nhw'n ei anfon ymlaen at y gwasanaeth. Dydy'r negeseuon e-bost hyn ddim yn cynnwys eich manylion. Mae'r staff yn darllen eich cais ar y wefan hon ar ôl mewngofnodi, ac rydyn ni'n cofnodi bob tro maen nhw'n gwneud hynny. Mae rhai gwasanaethau'n cael eich cais drwy e-bost diogel yn lle hynny. Os byddwch chi'n gofyn, rydyn ni hefyd yn anfon cadarnhad i'ch cyfeiriad e-bost.

    Dydyn ni ddim yn rhannu eich manylion ag unrhyw un arall. Fyddwn ni byth yn eu rhoi i'r person a wnaeth niwed i chi.
    .heading = Pwy sy'n ei gael
privacy-how-long =
    Rydyn ni'n cadw eich manylion personol, wedi'u hamgryptio, tra bydd y gwasanaeth yn gweithio ar eich cais. Rydyn ni'n eu dileu ychydig ddyddiau ar ôl i'r gwasanaeth gau eich cais neu ei anfon ymlaen at wasanaeth arall. Os cafodd y gwasanaeth eich manylion drwy e-bost diogel, rydyn ni'n dileu ein copi ni ychydig ddyddiau ar ôl iddo ddweud wrthon ni ei fod wedi cael eich cais. Ar ôl hynny, dim ond cyfeirnod, yr ardal heddlu a'r dyddiadau rydyn ni'n eu cadw.

    Os na fydd y gwasanaeth yn dweud wrthon ni ei fod wedi cael eich cais, bydd ein tîm yn holi'r gwasanaeth. Beth bynnag sy'n digwydd, rydyn ni'n dileu eich manylion ar ôl { $retention_days ->
        [two] { $retention_days } ddiwrnod
       *[other] { $retention_days } diwrnod
    }.

    Tra byddwch chi'n llenwi'r ffurflen ac yn gwirio eich atebion, rydyn ni'n eu cadw ar gyfer y dudalen nesaf am hyd at { $handoff_minutes ->
        [one] { $handoff_minutes } funud
        [two] { $handoff_minutes } funud
       *[other] { $handoff_minutes } munud
    }. Maen nhw wedi'u hamgryptio yn ein cronfa ddata. Rydyn ni'n eu dileu pan fyddwch chi'n eu hanfon, yn eu newid neu'n pwyso Gadael.

    Pan fyddwch chi'n anfon cais neu'n gwirio un, rydyn ni hefyd yn cadw cod wedi'i wneud o gyfeiriad rhyngrwyd eich dyfais (cyfeiriad IP), gyda'r amserau, am { $limit_minutes ->
        [one] { $limit_minutes } funud
        [two] { $limit_minutes } funud
       *[other] { $limit_minutes } munud
    }. All y cod ddim cael ei droi'n ôl yn gyfeiriad. Mae'n atal unrhyw un rhag anfon llawer o geisiadau. Mae'n cael ei gadw yn ein cronfa ddata, yna'n cael ei ddileu. Dydy ein cofnodion ddim yn cynnwys eich cyfeiriad.

    Wedyn mae'r gwasanaeth yn cadw eich manylion o dan ei hysbysiad preifatrwydd ei hun.
    .heading = Am faint rydyn ni'n ei gadw
privacy-not-collected =
    - Dydyn ni ddim yn defnyddio cwcis.
    - Dydyn ni ddim yn defnyddio dadansoddeg nac olrhain.
    - Dydyn ni ddim yn llwytho dim byd o wefannau eraill.
    - Dydyn ni ddim yn cadw'r hyn rydych chi'n ei deipio yn y blwch chwilio.
    - Dydy logiau ein gweinydd ddim yn cynnwys yr hyn rydych chi'n ei deipio.
    .heading = Beth nad ydyn ni'n ei gasglu
privacy-rights =
    O dan gyfraith diogelu data'r DU (GDPR y DU), mae gennych chi hawl i:

    - ofyn am gopi o'ch manylion
    - ofyn i ni eu cywiro
    - ofyn i ni eu dileu
    - dynnu eich caniatâd yn ôl unrhyw bryd
    - wrthwynebu'r ffordd rydyn ni'n eu defnyddio

    Cysylltwch â ni ar { $contact } i ddefnyddio'r hawliau hyn.
    .heading = Eich hawliau
privacy-complain =
    Os nad ydych chi'n hapus â'r ffordd rydyn ni'n defnyddio eich manylion, cysylltwch â ni yn gyntaf. Gallwch chi hefyd gwyno wrth Swyddfa'r Comisiynydd Gwybodaeth (ICO), sef rheoleiddiwr diogelu data'r DU.
    .heading = Sut i gwyno
