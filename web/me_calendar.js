/* me_calendar.js - see me.js; this area registers itself with GNBV.me.register. */
