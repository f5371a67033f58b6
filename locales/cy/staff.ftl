# Mewnflwch y staff (/staff): mewngofnodi gyda chyfrinallwedd, y rhestr o geisiadau,
# un cais gyda'i atebion a'i gamau, y log archwilio a'r rhestr staff.

staff-title = Mewnflwch y staff
staff-site = Cyfiawnder adferol: mewnflwch y staff
staff-sign-out = Allgofnodi
staff-signed-in-as = Wedi mewngofnodi fel { $email }
staff-nav-requests = Ceisiadau
staff-nav-audit = Log archwilio
staff-nav-members = Staff

## Mewngofnodi.
staff-sign-in-title = Mewngofnodi
staff-sign-in-intro = Mewngofnodwch gyda'r gyfrinallwedd a wnaethoch chi pan gawsoch chi eich gwahodd.
staff-sign-in-button = Mewngofnodi gyda chyfrinallwedd
staff-needs-js = Mae angen JavaScript i fewngofnodi gyda chyfrinallwedd. Trowch e ymlaen ar gyfer y wefan hon, neu ddefnyddiwch borwr arall.
staff-sign-in-failed = Wnaeth hynny ddim gweithio. Rhowch gynnig arall arni. Os nad yw'n gweithio o hyd, gofynnwch i'ch gweinyddwr am wahoddiad newydd.
staff-sign-in-too-many = Mae gormod o ymdrechion i fewngofnodi wedi bod. Arhoswch 15 munud, yna rhowch gynnig arall arni.
staff-signed-out = Rydych chi wedi allgofnodi.
staff-session-ended = Rydych chi wedi cael eich allgofnodi. Mewngofnodwch eto i barhau.

## Gwahoddiad.
staff-invitation-title = Gwnewch eich cyfrinallwedd
staff-invitation-intro = Rydych chi wedi cael eich gwahodd i fewnflwch y staff fel { $email }. Gwnewch gyfrinallwedd ar y ddyfais hon. Byddwch chi'n ei defnyddio i fewngofnodi.
staff-invitation-button = Gwneud cyfrinallwedd
staff-invitation-gone = Does dim modd defnyddio'r gwahoddiad hwn. Efallai ei fod wedi dod i ben neu wedi cael ei ddefnyddio'n barod. Gofynnwch i'ch gweinyddwr am un newydd.

## Y rhestr.
staff-list-title = Ceisiadau
staff-list-none = Does dim ceisiadau i'w dangos.
staff-list-admin-only = Dydy eich rôl chi ddim yn rhoi mynediad i geisiadau. Gallwch chi ddarllen y log archwilio a gweld y rhestr staff.
staff-filter-state = Statws
staff-filter-area = Ardal heddlu
staff-filter-any = Unrhyw un
staff-filter-button = Dangos ceisiadau
staff-col-reference = Cyfeirnod
staff-col-area = Ardal heddlu
staff-col-state = Statws
staff-col-age = Oed
staff-older = Ceisiadau hŷn
staff-download = Lawrlwytho'r ceisiadau hyn (y 1,000 mwyaf diweddar):
staff-download-csv = CSV, ar gyfer taenlen
staff-download-json = JSON, ar gyfer system achosion
staff-state-waiting = Yn aros
staff-state-received = Wedi'i gael
staff-state-contacted = Wedi cysylltu
staff-state-closed = Wedi'i gau
staff-state-passed-on = Wedi'i anfon ymlaen
staff-age-days = { $days ->
    [0] Heddiw
    [one] 1 diwrnod
    [two] 2 ddiwrnod
   *[other] { $days } diwrnod
}

## Un cais.
staff-request-title = Cais { $reference }
staff-route-direct = Wedi'i anfon at y gwasanaeth
staff-route-triage = Wedi'i anfon at dîm y gweithredwr
staff-route-youth = Ar gyfer y gwasanaeth cyfiawnder ieuenctid
staff-came = Dyddiad ei anfon: { $date }. Amser: { $time }.
staff-safety-heading = Cyn i chi gysylltu â nhw
staff-answers-heading = Eu hatebion
staff-answers-gone = Mae'r atebion wedi cael eu dileu o dan y rheolau cadw.
staff-outcome-was = Canlyniad: { $outcome }
staff-passed-to = Wedi'i anfon ymlaen at: { $service }
staff-actions-heading = Cofnodwch beth rydych chi wedi'i wneud
staff-action-received = Wedi'i gael
staff-action-received-hint = Mae hyn yn dweud wrth y person fod rhywun yma wedi cael y cais.
staff-action-contacted = Wedi cysylltu
staff-action-contacted-hint = Mae rhywun yma wedi siarad â'r person neu wedi ysgrifennu ato.
staff-action-close = Cau'r cais
staff-outcome-label = Canlyniad
staff-outcome-not-suitable = Ddim yn addas
staff-outcome-withdrew = Tynnodd y person yn ôl
staff-outcome-other-party-unavailable = Gwrthododd y parti arall, neu doedd dim modd dod o hyd iddo
staff-outcome-indirect = Cyfiawnder adferol anuniongyrchol
staff-outcome-direct-meeting = Cyfarfod wyneb yn wyneb
staff-outcome-passed-to-another = Wedi'i anfon at wasanaeth arall
staff-pass-on-heading = Anfon ymlaen
staff-pass-on-area = At wasanaeth ar y wefan hon
staff-pass-on-none = Dim un
staff-pass-on-outside = Neu at wasanaeth y tu allan i'r wefan hon
staff-pass-on-outside-hint = Teipiwch enw'r gwasanaeth.
staff-pass-on-button = Anfon ymlaen
staff-pass-on-choose = Dewiswch wasanaeth ar y wefan hon, neu deipiwch enw un y tu allan iddi.
staff-not-open = Mae'r cais hwn wedi'i gau. Does dim modd cofnodi dim byd arall.
staff-recorded = Wedi'i gofnodi: { $action }.
staff-back = Yn ôl i'r ceisiadau

## Heb ei ganfod, a gwrthod.
staff-not-found-title = Heb ddod o hyd i'r dudalen
staff-not-found = Does dim tudalen yn y cyfeiriad hwn, neu allwch chi ddim ei gweld.
staff-other-site = Daeth y ffurflen hon o wefan arall, felly chafodd dim byd ei gofnodi. Ewch yn ôl i'r mewnflwch a rhowch gynnig arall arni.

## Y log archwilio (gweinyddwyr).
staff-audit-title = Log archwilio
staff-audit-intro = Y 200 cofnod diweddaraf. Am ragor, rhedwch rj audit ar y gweinydd.
staff-col-when = Pryd
staff-col-who = Pwy
staff-col-action = Gweithred
staff-col-detail = Manylion
staff-col-network = Rhwydwaith

## Y rhestr staff (gweinyddwyr).
staff-members-title = Staff
staff-members-intro = I wahodd rhywun, rhedwch rj staff invite ar y gweinydd. Mae'n dangos dolen eu gwahoddiad.
staff-col-email = Cyfeiriad e-bost
staff-col-roles = Rolau
staff-col-areas = Ardaloedd
staff-col-passkeys = Cyfrinallweddi
staff-col-status = Statws
staff-member-active = Gweithredol
staff-member-removed = Wedi'i dynnu
staff-youth = ieuenctid
staff-member-remove = Tynnu

## Camau'r log archwilio a rolau'r rhestr staff.
staff-event-sign-in = Wedi mewngofnodi
staff-event-sign-out = Wedi allgofnodi
staff-event-sign-in-failed = Methodd y mewngofnodi
staff-event-invited = Wedi'i wahodd
staff-event-passkey-created = Cyfrinallwedd wedi'i gwneud
staff-event-removed = Wedi'i dynnu
staff-event-viewed = Wedi darllen yr atebion
staff-event-received = Wedi'i gael
staff-event-contacted = Wedi cysylltu
staff-event-closed = Wedi'i gau
staff-event-passed-on = Wedi'i anfon ymlaen
staff-event-exported = Log archwilio wedi'i allforio
staff-role-service = Gwasanaeth
staff-role-triage = Brysbennu
staff-role-admin = Gweinyddwr

## Cofnodion yr API yn y log archwilio (docs/api.md).
staff-event-api-key-created = Allwedd API wedi'i gwneud
staff-event-api-key-revoked = Allwedd API wedi'i diddymu
staff-event-api-listed = Ceisiadau wedi'u rhestru drwy'r API
staff-event-api-refused = Galwad API wedi'i gwrthod

## Mewngofnodi gyda chyfrif sefydliad (OpenID Connect).
staff-oidc-intro = Gallwch chi fewngofnodi gyda chyfrif eich sefydliad:
staff-oidc-button = Mewngofnodi: { $label }
staff-oidc-button-default = Mewngofnodi gyda chyfrif eich sefydliad
staff-oidc-refused-title = Wnaeth mewngofnodi ddim gweithio
staff-oidc-refused = Doedd dim modd defnyddio cyfrif eich sefydliad i fewngofnodi i fewnflwch y staff. Rhaid i'ch gweinyddwr eich gwahodd chi yn gyntaf, gan ddefnyddio eich cyfeiriad e-bost gwaith. Rhowch gynnig arall arni, neu fewngofnodwch gyda'ch cyfrinallwedd. Os nad yw'n gweithio o hyd, gofynnwch i'ch gweinyddwr.
staff-oidc-unavailable = Does dim modd cyrraedd gwasanaeth mewngofnodi eich sefydliad ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau, neu fewngofnodwch gyda'ch cyfrinallwedd.
staff-oidc-back = Yn ôl i fewngofnodi
staff-oidc-signed-in-title = Rydych chi wedi mewngofnodi
staff-oidc-continue = Ewch i'r ceisiadau

## Ffigurau'r comisiynydd (mater 27): mesurau'r adroddiad fel tablau a siartiau.
staff-role-commissioner = Comisiynydd
staff-nav-numbers = Ffigurau
staff-list-numbers-only = Mae eich rôl chi'n rhoi mynediad i ffigurau, nid i geisiadau.
staff-list-numbers-link = Gweld y ffigurau ar gyfer eich ardaloedd
staff-event-numbers-viewed = Wedi edrych ar y ffigurau
staff-event-numbers-downloaded = Ffigurau wedi'u lawrlwytho
staff-numbers-title = Ffigurau
staff-numbers-intro = Faint o bobl ofynnodd i wasanaeth gysylltu â nhw yn eich ardaloedd chi, a beth ddigwyddodd wedyn, fesul mis. Ffigurau yn unig yw'r rhain. Dydyn nhw byth yn dangos atebion neb.
staff-numbers-file-title = Ceisiadau cyfiawnder adferol: y ffigurau
staff-numbers-file-intro = Faint o bobl ofynnodd i wasanaeth gysylltu â nhw ym mhob ardal heddlu, a beth ddigwyddodd wedyn, fesul mis. Ffigurau yn unig yw'r rhain. Dydyn nhw byth yn dangos atebion neb.
staff-numbers-made = Wedi'u gwneud o gofnod y wefan, sydd heb ddim data personol. Dyddiad eu gwneud: { $date }.
staff-numbers-range = Misoedd: { $from } – { $to }
staff-numbers-from = O
staff-numbers-to = I
staff-numbers-show = Dangos y ffigurau
staff-numbers-error-not-offered = Dewiswch y misoedd o'r rhestrau.
staff-numbers-error-backwards = Rhaid i'r mis "O" fod cyn y mis "I", neu'r un mis.
staff-numbers-download = Lawrlwytho'r ffigurau hyn fel CSV (un rhes ar gyfer pob mis, ardal a mesur)
staff-numbers-key = Mae "<5" yn golygu rhwng 1 a 4. Dydyn ni ddim yn dangos ffigurau llai, fel nad oes modd adnabod neb. Mae "[c]" yn golygu bod ffigur wedi'i ddal yn ôl, oherwydd byddai'n datgelu ffigur bach o'i roi gyda'r lleill. Dim ond pan fydd o leiaf 5 cais y mae canolrif yn cael ei ddangos. Mae llinell doriad (–) yn golygu nad oedd dim i gyfrifo canolrif ohono.
staff-numbers-all = Pob ardal
staff-numbers-all-yours = Eich holl ardaloedd
staff-numbers-table-caption = { $area }: pob mesur, fesul mis
staff-numbers-col-measure = Mesur
staff-numbers-chart-caption = { $measure }: { $area }
staff-measure-requests = Ceisiadau
staff-measure-acknowledged-within-2-working-days = Wedi'u cael o fewn 2 ddiwrnod gwaith
staff-measure-median-working-days-to-acknowledgement = Canolrif y diwrnodau gwaith cyn eu cael
staff-measure-failed = Heb gyrraedd y gwasanaeth
staff-measure-route-direct = Wedi'u hanfon yn syth at y gwasanaeth
staff-measure-route-triage = Wedi'u hanfon at y tîm brysbennu
staff-measure-language-en = I gysylltu â nhw yn Saesneg
staff-measure-language-cy = I gysylltu â nhw yn Gymraeg
staff-measure-asked-by-person-harmed = Gofynnodd y person a gafodd ei niweidio
staff-measure-asked-by-family = Gofynnodd aelod o'r teulu
staff-measure-asked-by-someone-else = Gofynnodd rhywun arall
staff-measure-youth = Roedd y person sy'n gyfrifol o dan 18 oed
staff-measure-contacted = Wedi cysylltu
staff-measure-median-working-days-to-contact = Canolrif y diwrnodau gwaith cyn cysylltu
staff-measure-closed = Wedi'u cau
staff-measure-closed-as = Wedi'u cau: { $outcome }
staff-measure-passed-on = Wedi'u hanfon ymlaen
staff-measure-purged-unconfirmed = Wedi'u dileu heb i neb eu marcio fel wedi'u cael
month-short-1 = Ion
month-short-2 = Chwef
month-short-3 = Maw
month-short-4 = Ebr
month-short-5 = Mai
month-short-6 = Meh
month-short-7 = Gorff
month-short-8 = Awst
month-short-9 = Medi
month-short-10 = Hyd
month-short-11 = Tach
month-short-12 = Rhag
