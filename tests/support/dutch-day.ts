/**
 * The calendar day (yyyy-mm-dd) in the Netherlands of a moment, as the letters, the status page, the web part
 * and the statistics name it (Europe/Amsterdam). Written here with Intl, apart from the product's own helper,
 * so a test's expected day does not come from the code under test: between 23:00 and 24:00 UTC (22:00 in
 * summer) it is the next UTC day.
 */
const DUTCH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
export const dutchDay = (moment: string | Date): string => DUTCH.format(typeof moment === 'string' ? new Date(moment) : moment);
