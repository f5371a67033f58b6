is-it-right-title = Ydy e'n addas i mi?
is-it-right-lead = Dim ond chi all benderfynu. Gall y cwestiynau hyn eich helpu i feddwl am y peth. Gallwch chi siarad â hwylusydd cyn i chi benderfynu.
is-it-right-intro = Does dim ateb cywir nac anghywir. Gallwch chi ddweud na nawr a gofyn eto yn nes ymlaen.
is-it-right-think-about =
    - Oes rhywbeth rydych chi am ei ddweud wrth y person a wnaeth niwed i chi?
    - Oes gennych chi gwestiynau na all neb ond nhw eu hateb?
    - Fyddai'n well gennych chi gwrdd, ysgrifennu, neu anfon neges?
    - Pwy hoffech chi ei gael gyda chi?
    - Sut byddech chi'n teimlo pe na baen nhw'n dweud yr hyn roeddech chi'n gobeithio'i glywed?
    - Ai nawr yw'r amser iawn i chi?
    .heading = Cwestiynau i feddwl amdanyn nhw
is-it-right-not-offered =
    Dim ond os yw'n ddiogel i bawb y bydd hwylusydd yn mynd yn ei flaen. Efallai na chaiff ei gynnig:

    - os oes perygl y gallech chi gael eich niweidio eto
    - os nad yw'r person sy'n gyfrifol yn derbyn yr hyn a wnaeth
    - os nad yw'r person sy'n gyfrifol eisiau cymryd rhan
    - os yw'r hwylusydd yn credu y gallai achosi mwy o ofid nag o help i chi
    .heading = Pryd efallai na fydd yn cael ei gynnig
is-it-right-careful =
    Mae gwasanaethau'n cymryd gofal arbennig gyda cham-drin domestig a throseddau rhywiol. Yn y troseddau hyn, efallai y bydd y person sy'n gyfrifol yn ceisio eich rheoli neu eich dychryn eto. Dim ond gyda hwyluswyr sydd wedi cael hyfforddiant arbennig y mae rhai gwasanaethau'n ei gynnig. Dydy rhai ddim yn ei gynnig o gwbl ar gyfer y troseddau hyn.

    Os ydych chi'n poeni am eich diogelwch nawr, ewch i'r dudalen [Help nawr](page:help-now).
    .heading = Cam-drin domestig a throseddau rhywiol
is-it-right-court =
    Os yw'r achos yn mynd i'r llys, dydy cyfiawnder adferol ddim yn cymryd ei le. Y llys sy'n dal i benderfynu ar y dyfarniad a'r ddedfryd.
    .heading = Dydy e ddim yn cymryd lle achos llys
is-it-right-timing =
    Gall ddigwydd ar unrhyw adeg: cyn i neb gael ei gyhuddo, cyn neu ar ôl dedfryd, neu tra bo'r person yn y carchar.
    .heading = Cyn neu ar ôl dedfryd, neu yn y carchar
is-it-right-under-18 =
    Os oedd y person a wnaeth niwed i chi o dan 18 oed, mae'r gwasanaeth cyfiawnder ieuenctid yn rhan o'r broses. Y Tîm Troseddau Ieuenctid oedd yr hen enw arno. Bydd yn rhoi gwybodaeth i chi am gyfiawnder adferol.
    .heading = Os oedd y person o dan 18 oed
