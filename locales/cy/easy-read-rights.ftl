# Hawdd ei Ddeall: y 12 hawl yn y Cod Dioddefwyr, un llinell yr un.
easy-read-rights-title = Eich hawliau
easy-read-rights-lead = Mae gennych chi **hawliau** fel dioddefwr trosedd.
easy-read-rights-code = **Cod Dioddefwyr** yw enw'r rheolau.

    Maen nhw'n dweud beth sy'n rhaid i'r heddlu, y llysoedd ac eraill ei wneud drosoch.
easy-read-rights-twelve =
    Mae'r Cod yn rhoi **12 hawl** i chi.
easy-read-rights-list = Eich 12 hawl
easy-read-rights-right-1 = Hawl 1: Dylech chi gael help i **ddeall** ac i **gael eich deall**.
easy-read-rights-right-2 = Hawl 2: Dylai'r heddlu **ysgrifennu** manylion y drosedd **heb aros yn rhy hir**.
easy-read-rights-right-3 = Hawl 3: Dylech chi gael **gwybodaeth** pan fyddwch chi'n **rhoi gwybod** i'r heddlu am y drosedd.
easy-read-rights-right-4 = Hawl 4: Dylai rhywun eich helpu chi i gysylltu â **gwasanaethau sy'n helpu**. Dylai'r help fod yn **addas i chi**.
easy-read-rights-right-5 = Hawl 5: Dylech chi gael gwybod am **iawndal**. Arian am y niwed yw hyn.
easy-read-rights-right-6 = Hawl 6: Dylech chi gael gwybod am **waith yr heddlu** ar y drosedd ac unrhyw **achos llys**.
easy-read-rights-right-7 = Hawl 7: Gallwch chi ddweud sut mae'r drosedd wedi **effeithio arnoch chi**. **Datganiad Personol Dioddefwr** yw'r enw ar hyn.
easy-read-rights-right-8 = Hawl 8: Dylech chi gael gwybod am y **treial**, a beth i'w wneud fel **tyst**.
easy-read-rights-right-9 = Hawl 9: Dylech chi gael gwybod sut mae'r achos yn **gorffen**, ac am unrhyw **apêl**.
easy-read-rights-right-10 = Hawl 10: Gallwch chi gael **arian yn ôl** am rai costau. Dylech chi gael eich **pethau** yn ôl.
easy-read-rights-right-11 = Hawl 11: Ydy'r llys yn dweud bod y person yn **euog**? Yna gallwch chi gael **newyddion** amdanyn nhw.
easy-read-rights-right-12 = Hawl 12: Gallwch chi **gwyno** os nad ydych chi'n cael eich hawliau.
easy-read-rights-also = Pethau eraill i'w gwybod
easy-read-rights-rj =
    Pan fyddwch chi'n rhoi gwybod i'r heddlu am drosedd, dylech chi glywed am **gyfiawnder adferol**.
easy-read-rights-not-reported =
    Wnaethoch chi **ddim rhoi gwybod** i'r heddlu am y drosedd?

    Gallwch chi gael **help** o hyd. Gallwch chi gysylltu â gwasanaethau **eich hun**.
easy-read-rights-welsh =
    Yng Nghymru, gallwch chi ddefnyddio'r **Gymraeg** gyda gwasanaethau.
