# Dilyn cais nes bod y gwasanaeth wedi'i gael: y ddolen yn e-bost y gwasanaeth a'i
# thudalen, y nodyn atgoffa, tudalen statws y person, a rhybuddion y gweithredwr.

## E-bost y gwasanaeth: y ddolen gadarnhau, a'r nodyn atgoffa.
email-ack-heading = Cadarnhewch eich bod wedi cael y cais hwn
email-ack-text = Agorwch y ddolen hon a phwyswch y botwm ar y dudalen. Mae hyn yn dweud wrthon ni fod rhywun yn eich gwasanaeth wedi cael y cais, ac wedyn gall y person a anfonodd y cais weld ei fod wedi cyrraedd. Os na fydd neb yn ei gadarnhau, byddwn ni'n anfon nodyn atgoffa.
email-ack-text-triage = Pan fydd rhywun yn eich tîm wedi cael y cais hwn, agorwch y ddolen hon a phwyswch y botwm ar y dudalen. Wedyn gall y person a anfonodd y cais weld ei fod wedi cyrraedd. Os na fydd neb yn ei gadarnhau, byddwn ni'n anfon nodyn atgoffa.
email-ack-link = Cadarnhewch eich bod wedi cael y cais hwn
email-reminder-subject = Nodyn atgoffa: { $subject }
email-reminder = Nodyn atgoffa: does neb wedi cadarnhau'r cais hwn eto. Dyddiad ei anfon atoch chi gyntaf: { $date }. Os yw'r cais gennych chi eisoes, agorwch y ddolen ar y diwedd i'w gadarnhau.
confirm-status = I wirio a yw eich cais wedi cyrraedd, ewch i'r dudalen hon: { $url }

## Y dudalen gadarnhau.
ack-title = Cadarnhewch eich bod wedi cael y cais hwn
ack-lead = Pwyswch y botwm i ddweud wrthon ni fod rhywun yn eich gwasanaeth wedi cael y cais hwn. Wedyn fyddwn ni ddim yn anfon rhagor o nodiadau atgoffa, a gall y person a anfonodd y cais weld ei fod wedi cyrraedd.
ack-reference = Cyfeirnod
ack-button = Cadarnhau ein bod wedi'i gael
ack-done-title = Diolch
ack-done = Dyddiad eich cadarnhad: { $date }. Does dim angen i chi wneud dim byd arall yma.
ack-answers = Dydy'r dudalen hon ddim yn dangos atebion y person. Dim ond yn yr e-bost a anfonon ni atoch chi y maen nhw.

## Dolen y dudalen gadarnhau i'r dudalen statws.
sent-status = Cadwch eich cyfeirnod. Gallwch chi ei ddefnyddio i wirio a yw eich cais wedi cyrraedd.
sent-status-link = Gwirio eich cais

## Y dudalen statws.
status-title = Gwirio eich cais
status-lead = Teipiwch y cyfeirnod sydd ar eich cadarnhad. Byddwn ni'n dangos pryd anfonoch chi eich cais ac a yw wedi cyrraedd.
status-label = Eich cyfeirnod
status-hint = Mae'n dechrau gydag RJ, er enghraifft RJ-4K7P-Q2M7.
status-button = Gwirio
status-error-empty = Rhowch eich cyfeirnod
status-error-invalid = Dydy hwn ddim yn gyfeirnod rydyn ni'n ei roi. Gwiriwch bob llythyren a rhif. Mae'n edrych fel RJ-4K7P-Q2M7.
status-error-too-many = Rydych chi wedi gwirio llawer o gyfeirnodau yn yr awr ddiwethaf. Arhoswch awr, yna rhowch gynnig arall arni.
status-result-heading = Cais { $reference }
status-sent = Wedi'i anfon: { $date }
status-received = Wedi'i gael: { $date }
status-received-service = Mae eich cais wedi cyrraedd { $service }.
status-received-team = Mae tîm { $operator } wedi cael eich cais. Byddan nhw'n ei anfon ymlaen at y gwasanaeth cywir.
status-not-confirmed = Wedi'i gael: heb ei gadarnhau eto
status-heard-by-service = Os na fydd { $service } wedi cysylltu â chi erbyn { $date }, cysylltwch â nhw. Mae eu manylion isod.
status-heard-by-team = Os nad oes neb wedi cysylltu â chi erbyn { $date }, cysylltwch â thîm { $operator }: { $contact }
status-closed = Wedi'i gau: { $date }. Mae tîm { $operator } wedi delio â'ch cais.
status-not-found =
    Allwn ni ddim dangos cais gyda'r cyfeirnod hwn. Gwiriwch eich bod wedi'i deipio fel y mae ar eich cadarnhad. Ar ôl { $retention_days ->
        [two] { $retention_days } ddiwrnod
       *[other] { $retention_days } diwrnod
    }, rydyn ni'n dileu manylion cais, a fyddwn ni ddim yn gallu ei ddangos wedyn.
status-not-found-help = Gall { $operator } eich helpu: { $contact }

## Rhybuddion y gweithredwr. Maen nhw'n enwi'r cyfeirnod, yr ardal a dyddiadau, byth atebion.
alert-escalation-subject = Heb ei gadarnhau: cais { $reference } ({ $area })
alert-escalation-intro = Does neb yn y gwasanaeth wedi cadarnhau cais { $reference }, a does neb wedi ateb y nodyn atgoffa chwaith. Gwiriwch fod rhywun yno wedi'i gael.
alert-escalation-todo = Cysylltwch â'r gwasanaeth a gwiriwch eu bod wedi'i gael. Pan fydd wedi'i ddatrys, rhedwch y gorchymyn hwn:
alert-failed-subject = Heb ei ddosbarthu: cais { $reference } ({ $area })
alert-failed-intro = Mae'r gweinydd e-bost wedi gwrthod cais { $reference } yn barhaol, felly does gan y gwasanaeth mo'r cais.
alert-failed-todo = Gwiriwch gyfeiriad yr ardal yn RJ_ROUTING, yna anfonwch y cais eto gyda'r gorchymyn hwn:
alert-retention-subject = I'w ddileu: cais { $reference } ({ $area })
alert-retention-intro = Does neb wedi cadarnhau cais { $reference }. Dyddiad dileu ei fanylion: { $date }, oni bai eich bod chi'n ei ddatrys cyn hynny.
alert-retention-todo = Os yw'r gwasanaeth wedi'i gael, neu os ydych chi wedi delio ag e, rhedwch y gorchymyn hwn:
alert-label-reference = Cyfeirnod
alert-label-area = Ardal heddlu
alert-label-via = Derbynnydd
alert-label-stored = Dyddiad y cais
alert-label-delivered = E-bost wedi'i ddosbarthu
alert-label-reminded = Nodyn atgoffa wedi'i anfon
alert-label-reply = Ateb y gweinydd e-bost
alert-label-deleted = Dyddiad dileu'r manylion
alert-via-service = Gwasanaeth yr ardal
alert-via-youth-service = Gwasanaeth cyfiawnder ieuenctid yr ardal
alert-via-triage = Eich mewnflwch brysbennu
alert-footer = Does dim manylion personol yn yr e-bost hwn.

## Rhybudd y gweithredwr pan fydd derbynnydd webhook gwasanaeth yn gwrthod hysbysiad cais yn barhaol.
alert-webhook-subject = Webhook wedi'i wrthod: cais { $reference } ({ $area })
alert-webhook-intro = Mae derbynnydd webhook y gwasanaeth wedi gwrthod yr hysbysiad am gais { $reference } yn barhaol. Mae'r cais ei hun yn cael ei ddosbarthu fel arfer. Dim ond y webhook sydd heb fynd.
alert-webhook-todo = Gyda'r gwasanaeth, gwiriwch webhook_url y llwybr yn RJ_ROUTING a'r gyfrinach y mae ei webhook_secret_env yn ei henwi. Yna gwiriwch y gosodiadau gyda'r gorchymyn hwn:
