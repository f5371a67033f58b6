what-happens-title = Beth sy'n digwydd, gam wrth gam
what-happens-lead = Dyma beth sy'n digwydd fel arfer. Mae pob gwasanaeth yn gweithio ychydig yn wahanol. Gallwch chi stopio ar unrhyw adeg.
what-happens-intro = Gallwch chi ofyn cwestiwn unrhyw bryd. Mae'r hwylusydd yno i'ch helpu.
what-happens-first-contact =
    Rydych chi, neu rywun ar eich rhan, yn cysylltu â'ch gwasanaeth lleol. Neu efallai y bydd yr heddlu neu wasanaeth arall yn gofyn a hoffech chi gael eich atgyfeirio.

    Yna mae hwylusydd yn cysylltu â chi. Mae'n esbonio beth yw cyfiawnder adferol. Mae'n gofyn beth rydych chi'n gobeithio ei gael ohono. Does dim byd yn cael ei gytuno ar y cam hwn.
    .heading = 1. Y cysylltiad cyntaf
what-happens-preparation =
    Mae'r hwylusydd yn cwrdd â chi, yn aml fwy nag unwaith. Mae'n eich helpu i feddwl am yr hyn rydych chi am ei ddweud neu ei ofyn. Mae hefyd yn cwrdd â'r person sy'n gyfrifol ar ei ben ei hun.

    Mae'n gwirio ei bod yn ddiogel a bod pawb yn barod. Os nad yw'n ddiogel, dydy e ddim yn mynd yn ei flaen.
    .heading = 2. Paratoi
what-happens-meeting =
    Pan fyddwch chi'n barod, mae'r cyfarfod neu'r cyfnewid yn digwydd. Gallai fod yn gyfarfod mewn lle diogel, neu'n llythyrau neu negeseuon y mae'r hwylusydd yn eu trosglwyddo.

    Mewn cyfarfod, yr hwylusydd sy'n ei arwain. Mae pawb yn siarad yn eu tro. Gallwch chi gael seibiant unrhyw bryd.
    .heading = 3. Y cyfarfod neu'r cyfnewid
what-happens-afterwards =
    Wedyn, mae'r hwylusydd yn holi sut rydych chi. Os gwnaethoch chi gytuno ar rywbeth, fel ymddiheuriad neu waith i wneud iawn, mae'n gwirio ei fod yn digwydd.

    Gall hefyd ddweud wrthych chi am gymorth arall.
    .heading = 4. Wedyn
what-happens-how-long =
    Gall gymryd ychydig wythnosau neu lawer o fisoedd. Mae'n dibynnu ar beth sydd ei angen arnoch chi a pha mor barod yw pawb. Mae paratoi yn cymryd cyhyd ag sydd ei angen. Ddylai neb eich rhuthro chi.
    .heading = Faint o amser mae'n ei gymryd
what-happens-supporter =
    Gallwch. Gallwch chi ddod â ffrind, aelod o'r teulu neu weithiwr cymorth i gyfarfodydd. Dywedwch wrth yr hwylusydd pwy hoffech chi ei gael gyda chi.
    .heading = Alla i ddod â rhywun gyda fi?
