<#-- The frame of every HTML email: the practice's name at the top, what Secure Base is at the foot. No images, no
     remote styles: many mail programs block both, and a message must read the same without them. -->
<#macro emailLayout>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<body style="margin:0;padding:0;background:#fbfaf7;color:#1d2433;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.6;">
<div style="max-width:36rem;margin:0 auto;padding:1.5rem;">
    <p style="margin:0 0 1rem;font-size:1.15rem;font-weight:700;color:#2f5d8a;">${realmName}</p>
    <div style="background:#ffffff;border:1px solid #d9d6cf;border-radius:.6rem;padding:1rem 1.25rem;">
    <#nested>
    </div>
    <p style="margin:1rem 0 0;font-size:.9rem;color:#4a5468;">${msg("securebaseFooter")}</p>
</div>
</body>
</html>
</#macro>
