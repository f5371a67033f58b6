help-now-title = Help nawr
help-now-lead = Os ydych chi mewn perygl nawr, ffoniwch 999. Gall y gwasanaethau hyn eich helpu heddiw.
help-now-emergency =
    Os ydych chi mewn perygl, ffoniwch [999](tel:999).

    Os na allwch chi siarad, ffoniwch 999 o ffôn symudol, gwrandewch, yna pwyswch 55 pan fydd llais yn gofyn i chi. Bydd y gweithredwr yn gwybod bod angen help arnoch chi.

    Os ydych chi'n fyddar neu'n methu siarad ar y ffôn, gallwch chi ddefnyddio ffôn testun [18000](tel:18000).
    .heading = Argyfwng
help-now-police =
    I roi gwybod am drosedd nad yw'n argyfwng, ffoniwch yr heddlu ar [101](tel:101).
    .heading = Yr heddlu, pan nad yw'n argyfwng
help-now-victim-support =
    Mae Cymorth i Ddioddefwyr yn rhoi help am ddim i unrhyw un y mae trosedd wedi effeithio arno, hyd yn oed os nad yw'r heddlu'n gwybod amdani. Ffoniwch y Llinell Gymorth ar [08 08 16 89 111](tel:08081689111). Mae am ddim ac ar agor 24 awr y dydd.
    .heading = Cymorth i Ddioddefwyr
help-now-domestic-abuse =
    - Llinell Gymorth Genedlaethol Cam-drin Domestig, sy'n cael ei rhedeg gan <en>Refuge</en>: [0808 2000 247](tel:08082000247). Am ddim, 24 awr y dydd.
    - Byw Heb Ofn, yng Nghymru: [0808 80 10 800](tel:08088010800). Am ddim, 24 awr y dydd. Gallwch chi hefyd anfon neges destun at [07860 077333](sms:07860077333).
    - <en>Men's Advice Line</en>, i ddynion: [0808 801 0327](tel:08088010327).
    .heading = Cam-drin domestig
help-now-samaritans =
    Os ydych chi'n cael trafferth ymdopi, bydd y Samariaid yn gwrando. Ffoniwch [116 123](tel:116123). Mae am ddim ac ar agor 24 awr y dydd.
    .heading = Rhywun i siarad â nhw
