#include "bulletin_css.hpp"

namespace tampon::bulletin {

const std::string_view k_bulletin_css = R"css(
:root{--bleu:#000091;--bleu-clair:#e3e3fd;--rouge:#e1000f;--gris:#3a3a3a;--gris-clair:#f6f6f6;--bord:#dddddd}
*{box-sizing:border-box}
body{margin:0;font-family:Marianne,"Liberation Sans",Arial,sans-serif;color:#161616;line-height:1.5;font-size:1rem;background:#fff}
a{color:var(--bleu)}
a:focus,a:hover{outline:2px solid #0a76f6;outline-offset:2px}
.evitement{position:absolute;left:-999px}
.evitement:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.entete{display:flex;align-items:center;gap:2rem;padding:1rem 1.5rem;border-bottom:1px solid var(--bord);box-shadow:0 2px 6px rgba(0,0,18,.12)}
.marque{font-weight:700;text-transform:uppercase;line-height:1.05;font-size:1.05rem;letter-spacing:-.01em;margin:0}
.marque::before{content:"";display:block;width:3rem;height:1.1rem;margin-bottom:.4rem;background:linear-gradient(90deg,var(--bleu) 33%,#fff 33% 66%,var(--rouge) 66%)}
.service p{margin:0}
.service-titre{font-weight:700;font-size:1.25rem}
.service-sous-titre{color:var(--gris);font-size:.9rem}
main{max-width:62rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;line-height:1.25;margin:.5rem 0;color:var(--bleu)}
h2{font-size:1.5rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--bleu);padding-bottom:.25rem}
h3{font-size:1.1rem;margin:1.25rem 0 .25rem}
.chapo{font-size:1.2rem;margin:.25rem 0 1rem}
.reperes{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem 1.5rem;margin:1rem 0;padding:1rem 1.25rem;background:var(--gris-clair);border-left:4px solid var(--bleu)}
.reperes dt{font-size:.85rem;color:var(--gris)}
.reperes dd{margin:0;font-weight:700}
.chiffres{list-style:none;display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.75rem;padding:0;margin:1rem 0}
.chiffres li{background:var(--bleu-clair);padding:.75rem;border-bottom:3px solid var(--bleu)}
.chiffres .nombre{display:block;font-size:1.6rem;font-weight:700;color:var(--bleu)}
.chiffres .evolution{display:block;font-size:.85rem;color:var(--gris)}
table{border-collapse:collapse;width:100%;margin:.75rem 0 1.25rem;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid var(--bord);padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th{background:var(--bleu-clair)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.n{white-space:nowrap}
tbody th{white-space:nowrap}
tbody tr:nth-child(even){background:var(--gris-clair)}
figure{margin:1rem 0}
figure svg{width:100%;height:auto;max-width:48rem;display:block}
figcaption{font-size:.9rem;color:var(--gris)}
svg text{font-family:inherit;font-size:11px;fill:#161616}
svg .grille{stroke:#cecece;stroke-width:1}
svg .valeur{font-size:10px;fill:var(--gris)}
.fait{border-left:4px solid var(--bleu);padding:.25rem 1rem;margin:1rem 0;background:var(--gris-clair)}
.fait .signature{font-size:.9rem;color:var(--gris);margin:0}
.alerte{border-left:4px solid var(--rouge);padding:.5rem 1rem;background:#fef4f4}
.ok{border-left:4px solid #18753c;padding:.5rem 1rem;background:#f0f9f4}
.pied{border-top:2px solid var(--bleu);margin-top:2rem;padding:1rem 0;font-size:.95rem}
.pied>div{max-width:62rem;margin:0 auto;padding:0 1.5rem}
.pied .mention{font-weight:700;margin:0 0 .25rem}
@media (max-width:40rem){
 main{padding:1rem}
 h1{font-size:1.6rem}
 .entete{gap:1rem;padding:.75rem 1rem}
 .chiffres{grid-template-columns:repeat(2,minmax(0,1fr))}
 table{font-size:.85rem}
 th,td{padding:.3rem .4rem}
 tbody th{white-space:normal}
}
@media print{
 @page{size:A4;margin:15mm}
 body{font-size:10pt}
 .entete{box-shadow:none}
 .evitement{display:none}
 main,.pied>div{padding:0;max-width:none}
 h2{break-after:avoid}
 figure,tr,.fait,.chiffres li,.reperes{break-inside:avoid}
 main a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
 thead th,.chiffres li,.reperes,.marque::before{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

}  // namespace tampon::bulletin
