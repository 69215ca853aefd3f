// Word lists behind firstNameOf (utils/core/names.ts). All entries lower-case; they only tip the balance
// between two readings of a name, so they need the common names, not every name.

// Pure, so a bundle that imports this module without using a list (the content scripts, through reply-text.ts)
// drops the lists instead of keeping the calls.
/* @__NO_SIDE_EFFECTS__ */
function set(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Common Hungarian given names (women's and men's). */
export const HU_GIVEN_NAMES = set(`
  anna mária katalin éva erzsébet ilona zsuzsanna judit ágnes andrea erika krisztina margit eszter julianna
  edit szilvia gabriella anita mónika ibolya beáta tímea rita viktória nikolett nikoletta petra dóra réka
  zsófia zsófi boglárka lili hanna luca emma csilla orsolya renáta kitti fanni noémi bianka adrienn brigitta
  veronika enikő nóra klára magdolna rozália irén piroska gizella teréz hajnalka melinda tünde ildikó márta
  marianna barbara dorina kinga zita flóra jázmin laura sára zoé léna alíz csenge panna gréta kata dorka
  vivien evelin klaudia kornélia emese szandra diána henrietta judit valéria
  lászló istván józsef jános zoltán sándor gábor ferenc attila péter tamás zsolt tibor andrás csaba imre
  lajos györgy balázs róbert mihály béla gyula károly dávid dániel ádám krisztián miklós norbert bence máté
  levente gergő márk kristóf bálint dominik milán áron zalán barnabás botond marcell olivér noel benedek
  richárd viktor roland szabolcs ákos antal pál géza ernő dezső kálmán endre jenő szilárd gergely márton
  vilmos ottó nándor tivadar lőrinc benjámin patrik martin alex kevin erik adrián hunor zente vince bendegúz
`);

/** Common Hungarian family names. */
export const HU_FAMILY_NAMES = set(`
  nagy kovács tóth szabó horváth varga kiss molnár németh farkas balogh papp takács juhász lakatos mészáros
  oláh simon rácz fekete szilágyi török fehér balázs gál kis szűcs kocsis orsós pintér fodor szalai sipos
  magyar lukács gulyás biró bíró király lászló katona jakab bogdán balog sándor boros fazekas kelemen antal
  orbán somogyi vincze hegedűs deák budai pap bálint pásztor hajdu illés vass soós bodnár halász máté vörös
  veres székely dudás kun pál csonka hegyi szekeres vida fülöp nemes benkő kozma kántor győri
`);

/** Vietnamese family names distinctive enough to recognise in any language. */
export const VI_FAMILY_NAMES = set(`
  nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý trương đinh đoàn lưu
  nguyen tran pham hoang huynh dang bui ngo duong truong dinh doan
`);

/** Short unaccented Vietnamese family names, trusted only when the language is Vietnamese. */
export const VI_SHORT_FAMILY_NAMES = set('le ly vo vu do ho phan luu');

/** Common Khmer family names in Latin script ("Sok Dara"), trusted only when the language is Khmer. */
export const KM_FAMILY_NAMES = set(`
  sok chan kim heng ly lim seng sam chea keo phan meas hun ouk touch prak nhem sun sim chhun mao yim khiev
  pich hem vann long em im ros nguon oeun tep sar sao mean nuon chhay chhim so sao ung eng
`);

/** Titles before a name: "Dr. Anna Smith", "ifj. Kovács János", "Md. Rahim Uddin". */
export const HONORIFICS = set(`
  mr mrs ms miss mx dr prof sir dame lord lady rev fr herr frau sr sra srta dom dona don doña mme mlle
  ifj id özv ing mag md mohd মোঃ মো
`);

/** Titles after a name: "John Smith Jr.", "Anna Kovács PhD". */
export const NAME_SUFFIXES = set('jr sr ii iii iv phd mba msc bsc');

/** Particles inside family names ("Maria José da Silva", "Jan van der Berg"); they don't make a name long. */
export const NAME_PARTICLES = set('da de do dos das di del della van von der den la le bin binti al el y e');

/** Words that make a display name a business, page or team rather than a person. */
export const ORGANIZATION_WORDS = set(`
  ltd inc llc gmbh kft zrt nyrt bt corp plc ltda srl sarl pvt pte bhd tbk co company group official
  shop store team news media studio bank cafe café restaurant hotel agency support service services club
  foundation university school center centre academy boutique salon tv radio online the egyesület
  alapítvány bolt üzlet
`);
