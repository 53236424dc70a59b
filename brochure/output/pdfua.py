"""Office PDF bytes (content marked by render/) + its Structure + metadata -> a tagged PDF/UA-1 file.

ReportLab cannot write a structure tree; render/pdf.py marks what it draws (MCIDs, artifacts) and this writes the
rest with pikepdf: the structure elements and their kids, the ParentTree that leads from each MCID and each link
annotation back to its element, /StructParents and tab order by structure on every page, /StructParent and a
description (/Contents) on every link annotation, MarkInfo, and XMP metadata with the PDF/UA identifier. (Fonts'
ToUnicode maps come without the U+0000 entries a PDF/UA checker refuses: theme/tounicode.py.)
"""

from __future__ import annotations

import io
import time

import pikepdf
from pikepdf import Array, Dictionary, Name

from brochure.output.subsets import tag_subsets
from brochure.render.pdf import Meta
from brochure.render.structure import Annotation, Content, Structure
from brochure.xmltext import escape

PDF_VERSION = "1.7"  # PDF/UA-1 is built on ISO 32000-1 (PDF 1.7)


def make_pdfua(pdf: bytes, structure: Structure, meta: Meta) -> bytes:
    """The structure tree and what PDF/UA-1 asks of the document around it; the same inputs give the same bytes."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        tag_subsets(doc)  # (before the structure's hundreds of elements are made: both walk every object)
        plain_filters(doc)
        root = doc.Root
        tree = doc.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        pages = [page.obj for page in doc.pages]
        elements = _elements(doc, structure, tree, pages)
        tree.K = elements[0]
        nums: list[object] = []
        for i, (page, parents) in enumerate(zip(pages, structure.parents, strict=True)):
            page.StructParents = i
            page.Tabs = Name.S  # tab order follows the structure
            nums += [i, doc.make_indirect(Array([elements[e] for e in parents]))]
        key = len(pages)
        for page, links in zip(pages, structure.links, strict=True):
            for annot, element in zip(page.get("/Annots", Array()), links, strict=True):
                annot.StructParent = key
                annot.Contents = structure.elements[element].description
                nums += [key, elements[element]]
                key += 1
        tree.ParentTree = doc.make_indirect(Dictionary(Nums=Array(nums)))
        tree.ParentTreeNextKey = key
        root.StructTreeRoot = tree
        root.MarkInfo = Dictionary(Marked=True)
        root.Lang = meta.language
        preferences = root.get("/ViewerPreferences", Dictionary())
        preferences.DisplayDocTitle = True
        root.ViewerPreferences = preferences
        root.Metadata = doc.make_stream(_xmp(meta).encode(), Type=Name.Metadata, Subtype=Name.XML)
        out = io.BytesIO()
        doc.save(
            out,
            force_version=PDF_VERSION,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,  # the many small elements, packed and compressed
            compress_streams=True,
        )
    return out.getvalue()


def _elements(doc: pikepdf.Pdf, structure: Structure, tree: Dictionary, pages: list[Dictionary]) -> list[Dictionary]:
    """Every element as an indirect StructElem, its kids in reading order (an element's page is that of its first
    content; content on another page names its own). An element comes after its parent (render/structure.py makes
    a parent first), so each is made whole in one call, and its kids given once all are made."""
    kinds: dict[str, Name] = {}  # (a name made once per kind: pikepdf makes each anew)
    struct_elem, mcr, objr = Name.StructElem, Name.MCR, Name.OBJR
    made: list[Dictionary] = []
    firsts: list[int | None] = []
    for element, kids in zip(structure.elements, structure.kids, strict=True):
        kind = kinds.get(element.kind)
        if kind is None:
            kind = kinds[element.kind] = Name("/" + element.kind)
        fields: dict[str, object] = {
            "/Type": struct_elem,
            "/S": kind,
            "/P": made[element.parent] if element.parent >= 0 else tree,
        }
        first = next((k.page for k in kids if isinstance(k, Content | Annotation)), None)
        if first is not None:
            fields["/Pg"] = pages[first]
        if element.alt:
            fields["/Alt"] = element.alt
        if element.language:  # (PDF/UA: a change of language is said where it happens)
            fields["/Lang"] = element.language
        if element.actual is not None:  # (shaped glyphs: the words they stand for, as written)
            fields["/ActualText"] = element.actual
        if element.box is not None:
            b = element.box[1]
            fields["/A"] = Dictionary(O=Name.Layout, Placement=Name.Block, BBox=Array([b.x, b.y, b.right, b.top]))
        if element.numbering is not None:
            fields["/A"] = Dictionary(O=Name.List, ListNumbering=Name("/" + element.numbering.capitalize()))
        made.append(doc.make_indirect(Dictionary(fields)))
        firsts.append(first)
    annots = [list(page.get("/Annots", Array())) for page in pages]
    for node, kids, first in zip(made, structure.kids, firsts, strict=True):
        out: list[object] = []
        for k in kids:
            if isinstance(k, int):
                out.append(made[k])
            elif isinstance(k, Content):
                out.append(k.mcid if k.page == first else Dictionary(Type=mcr, Pg=pages[k.page], MCID=k.mcid))
            else:
                out.append(Dictionary(Type=objr, Pg=pages[k.page], Obj=annots[k.page][k.index]))
        node.K = Array(out)
    return made


def plain_filters(doc: pikepdf.Pdf) -> None:
    """ReportLab names a stream's one filter in an array (`[/FlateDecode]`); QPDF, asked to compress, decodes
    and compresses every such stream again (12 ms of a build). The same filter as a name, it leaves them be."""
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Stream):
            f = obj.get("/Filter")
            if isinstance(f, Array) and len(f) == 1 and "/DecodeParms" not in obj:
                obj.Filter = f[0]


def _xmp(meta: Meta) -> str:
    """The XMP packet: the document's title, author, subject, keywords, language and dates, and the PDF/UA-1
    identifier (pdfuaid:part 1)."""
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(meta.created))

    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title>{alt(meta.title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>{alt(meta.subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>{escape(meta.language)}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>{escape(", ".join(meta.keywords))}</pdf:Keywords>
<pdf:Producer>brochure (ReportLab)</pdf:Producer>
<xmp:CreatorTool>brochure</xmp:CreatorTool>
<xmp:CreateDate>{when}</xmp:CreateDate>
<xmp:ModifyDate>{when}</xmp:ModifyDate>
<xmp:MetadataDate>{when}</xmp:MetadataDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""
