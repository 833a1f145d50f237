// Small browser helpers the portal calls over the circuit.
window.portal = {
    // Keeps the theme for a year; only theme names (letters, digits, dashes) are written.
    saveTheme: function (cookieName, theme) {
        if (/^[a-z0-9-]+$/i.test(theme)) {
            document.cookie = cookieName + "=" + theme + "; max-age=31536000; path=/; SameSite=Lax";
        }
    },

    // Copies text; falls back to a hidden text area where the Clipboard API is unavailable (plain http).
    copyText: async function (text) {
        try {
            if (navigator.clipboard && window.isSecureContext) {
                await navigator.clipboard.writeText(text);
                return true;
            }
        } catch (e) {
            // fall through to the older way
        }
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        let copied = false;
        try {
            copied = document.execCommand("copy");
        } catch (e) {
            copied = false;
        }
        document.body.removeChild(area);
        return copied;
    }
};
