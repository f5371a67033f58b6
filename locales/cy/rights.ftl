rights-title = Eich hawliau o dan y Cod Dioddefwyr
rights-lead = Mae'r Cod Dioddefwyr yn nodi beth allwch chi ei ddisgwyl gan yr heddlu, y llysoedd a gwasanaethau eraill. Mae'n rhoi 12 hawl i chi.
rights-intro =
    Yr enw llawn yw Cod Ymarfer ar gyfer Dioddefwyr Troseddau yng Nghymru a Lloegr. Daeth i rym ar 1 Ebrill 2021.

    Isod mae pob hawl a'r hyn y mae'n ei olygu i chi. Mae teitlau Hawl 1 i 4 yn dod air am air o'r Cod swyddogol yn Gymraeg. Ein geiriad ni yw teitlau Hawl 5 i 12: dydyn ni ddim wedi'u gwirio eto yn erbyn y Cod swyddogol.
rights-right-1 =
    Dylech chi gael help i ddeall yr hyn mae pobl yn ei ddweud wrthych chi ac i wneud eich hun yn glir. Er enghraifft, gallwch chi ofyn am gyfieithydd ar y pryd.
    .heading = Hawl 1: I allu deall a chael eich deall
rights-right-2 =
    Pan fyddwch chi'n rhoi gwybod i'r heddlu am drosedd, dylen nhw gofnodi'r manylion heb oedi annheg.
    .heading = Hawl 2: I gael cofnodi manylion y drosedd heb oedi digyfiawnhad
rights-right-3 =
    Pan fyddwch chi'n rhoi gwybod i'r heddlu am drosedd, dylech chi gael gwybod beth sy'n digwydd nesaf a pha gymorth sydd ar gael.
    .heading = Hawl 3: I dderbyn gwybodaeth pan ydych yn adrodd wrth yr heddlu am y drosedd
rights-right-4 =
    Dylech chi gael eich atgyfeirio at wasanaethau cymorth os ydych chi eisiau. Mae hyn yn cynnwys gwasanaethau cyfiawnder adferol. Dylai'r cymorth fod yn addas i'ch anghenion.
    .heading = Hawl 4: I gael eich atgyfeirio at wasanaethau sy'n cefnogi dioddefwyr a chael gwasanaethau a chefnogaeth wedi eu teilwra i'ch anghenion
rights-right-5 =
    Dylech chi gael gwybod sut y gallech chi hawlio iawndal am yr hyn a ddigwyddodd i chi.
    .heading = Hawl 5: I dderbyn gwybodaeth am iawndal
rights-right-6 =
    Dylech chi gael y newyddion diweddaraf am ymchwiliad yr heddlu ac unrhyw achos llys.
    .heading = Hawl 6: I dderbyn gwybodaeth am yr ymchwiliad a'r erlyniad
rights-right-7 =
    Gallwch chi ysgrifennu neu recordio datganiad am sut mae'r drosedd wedi effeithio arnoch chi. Datganiad Personol Dioddefwr yw'r enw arno.
    .heading = Hawl 7: I wneud Datganiad Personol Dioddefwr
rights-right-8 =
    Os ydych chi'n dyst, dylech chi gael gwybod am y treial, beth sy'n digwydd yn y llys a beth fydd angen i chi ei wneud.
    .heading = Hawl 8: I dderbyn gwybodaeth am y treial, y broses dreial a'ch rôl fel tyst
rights-right-9 =
    Dylech chi gael gwybod beth oedd canlyniad yr achos ac am unrhyw apêl.
    .heading = Hawl 9: I dderbyn gwybodaeth am ganlyniad yr achos ac unrhyw apeliadau
rights-right-10 =
    Os ewch chi i'r llys fel tyst, gallwch chi hawlio rhai costau yn ôl. Dylai unrhyw eiddo y mae'r heddlu wedi'i gymryd fel tystiolaeth gael ei roi yn ôl i chi.
    .heading = Hawl 10: I gael treuliau a chael eiddo yn ôl
rights-right-11 =
    Os caiff y person ei gael yn euog, efallai y gallwch chi gael newyddion amdano, fel pryd y gallai gael ei ryddhau.
    .heading = Hawl 11: I dderbyn gwybodaeth am y troseddwr ar ôl euogfarn
rights-right-12 =
    Os nad ydych chi'n cael eich hawliau, gallwch chi gwyno. Darllenwch [sut i gwyno](#rights-complain) isod.
    .heading = Hawl 12: I wneud cwyn am beidio â chael eich Hawliau
rights-rj =
    Pan fyddwch chi'n rhoi gwybod i'r heddlu am drosedd, dylech chi gael gwybod am wasanaethau a all eich helpu. Gall y rhain gynnwys cyfiawnder adferol.

    - Os yw'r person sy'n gyfrifol yn oedolyn, rhaid i'r heddlu ddweud wrthych chi am gyfiawnder adferol a sut i gysylltu â'ch gwasanaeth lleol.
    - Os yw o dan 18 oed, y gwasanaeth cyfiawnder ieuenctid sy'n dweud wrthych chi.
    - Dylech chi gael yr wybodaeth hon o fewn 5 diwrnod gwaith ar ôl rhoi gwybod i'r heddlu.
    - Dylech chi ei chael o fewn 1 diwrnod gwaith os oes gennych chi hawliau estynedig. Mae'r rhain ar gyfer dioddefwyr y troseddau mwyaf difrifol, pobl sy'n cael eu targedu dro ar ôl tro, a phobl sy'n agored i niwed neu'n ofnus.
    - Os ydych chi'n cytuno, dylech chi gael eich atgyfeirio at wasanaethau cymorth, gan gynnwys cyfiawnder adferol, o fewn 2 ddiwrnod gwaith ar ôl rhoi gwybod i'r heddlu.

    Dylai pob gwasanaeth ystyried ar unrhyw adeg a allai cyfiawnder adferol eich helpu chi.
    .heading = Beth mae'r Cod yn ei ddweud am gyfiawnder adferol
rights-not-reported =
    Gallwch chi gysylltu â gwasanaethau cymorth eich hun, hyd yn oed os na wnaethoch chi roi gwybod i'r heddlu am y drosedd. Mae hyn yn cynnwys eich gwasanaeth cyfiawnder adferol lleol.
    .heading = Os na wnaethoch chi roi gwybod i'r heddlu
rights-welsh =
    Os ydych chi yng Nghymru, gallwch chi siarad â gwasanaethau ac ysgrifennu atyn nhw yn Gymraeg.
    .heading = Defnyddio'r Gymraeg
rights-complain =
    Cwynwch wrth y gwasanaeth na roddodd eich hawl i chi, fel yr heddlu neu'r llys. Gofynnwch iddyn nhw sut i wneud cwyn.

    Gallwch chi ofyn i rywun rydych chi'n ymddiried ynddo, neu i wasanaeth cymorth, eich helpu.
    .heading = Sut i gwyno
