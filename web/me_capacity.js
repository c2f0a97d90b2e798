/* me_capacity.js - see me.js; this area registers itself with GNBV.me.register. */
