# Hawdd ei Ddeall: sut i ofyn i'ch gwasanaeth cyfiawnder adferol lleol gysylltu â chi.
easy-read-contact-title = Sut i ofyn i wasanaeth gysylltu â chi
easy-read-contact-lead = Gallwch chi ofyn i'ch **gwasanaeth lleol** gysylltu â chi.
easy-read-contact-find =
    Yn gyntaf, dewch o hyd i'ch **gwasanaeth lleol**.

    Teipiwch eich **cod post**. [Dod o hyd i'ch gwasanaeth](page:find).
easy-read-contact-form =
    Yna llenwch **y ffurflen**.

    Dyma [y ffurflen](page:refer).
easy-read-contact-who =
    Gallwch chi ei llenwi **drosoch chi eich hun**.

    Gall **aelod o'r teulu** neu rywun sy'n eich **cefnogi** ei llenwi hefyd.
easy-read-contact-how =
    Dywedwch sut dylen nhw **gysylltu â chi**: dros y **ffôn** neu drwy **e-bost**.
easy-read-contact-safe =
    Dywedwch pryd mae'n **ddiogel** i'ch ffonio chi.

    Dywedwch a allan nhw adael **neges**.
easy-read-contact-language =
    Dywedwch pa iaith hoffech chi: **Cymraeg** neu **Saesneg**.
easy-read-contact-check = **Gwiriwch** eich atebion.
easy-read-contact-send =
    Yna pwyswch **Anfon fy nghais**.

    Byddwch chi'n cael **cyfeirnod**.
easy-read-contact-next = Beth sy'n digwydd nesaf
easy-read-contact-contact =
    Bydd y gwasanaeth yn **cysylltu** â chi.

    Does **dim rhaid** i chi gymryd rhan. Gallwch chi **gael gwybod mwy**.
easy-read-contact-not-reported =
    Wnaethoch chi **ddim dweud wrth yr heddlu** am y drosedd? Gallwch chi ofyn o hyd.
easy-read-contact-danger =
    Ydych chi mewn **perygl** nawr?

    Ffoniwch [999](tel:999).
