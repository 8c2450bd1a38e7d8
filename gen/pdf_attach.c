/*
 * pdf_attach — the document's data files as embedded files of its PDF
 * (see pdf_attach.h).
 *
 * libharu 2.3.0's HPDF_AttachFile is not used: it stores the path it reads
 * as the file's name (/F and the EmbeddedFiles name-tree key), writes
 * /Type /F where a file specification has /Type /Filespec, and its
 * name-tree insertion (HPDF_NameTree_Add) crashed here on the fourth file
 * whose key was not the largest.  The files are read from temporary paths,
 * so this module builds the same objects with libharu's own constructors
 * (HPDF_EmbeddedFile_New reads the file, Flate-compressed) and names them:
 * /F and /UF (ASCII, the same bytes in both), /Type /Filespec, /Desc
 * (UTF-16BE, from UTF-8), the name tree's keys in byte order.  Errors reach
 * the document's error handler (render_pdf.c's hs.error) as every other
 * libharu call's do.
 */
#include "pdf_attach.h"

#include <hpdf.h>
#include <hpdf_catalog.h>
#include <hpdf_namedict.h>
#include <hpdf_objects.h>

#include <string.h>

void pdf_attach_files(HPDF_Doc pdf, const doc *dm)
{
    if (!dm->attach || dm->n_attach == 0)
        return;
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_NameDict names = HPDF_Catalog_GetNames(pdf->catalog);
    if (!names) {
        names = HPDF_NameDict_New(pdf->mmgr, pdf->xref);
        if (!names || HPDF_Catalog_SetNames(pdf->catalog, names) != HPDF_OK)
            return;
    }
    HPDF_NameTree tree = HPDF_NameTree_New(pdf->mmgr, pdf->xref);
    if (!tree || HPDF_NameDict_SetNameTree(names, HPDF_NAME_EMBEDDED_FILES, tree) != HPDF_OK)
        return;
    HPDF_Array items = HPDF_Dict_GetItem(tree, "Names", HPDF_OCLASS_ARRAY);
    if (!items)
        return;
    /* dm->attach is sorted by name: the keys go in in order. */
    for (size_t i = 0; i < dm->n_attach; i++) {
        const doc_attachment *at = &dm->attach[i];
        HPDF_EmbeddedFile f = HPDF_EmbeddedFile_New(pdf->mmgr, pdf->xref, at->path);
        if (!f)
            return;
        HPDF_Dict_AddName(f, "Type", "Filespec");
        HPDF_Dict_Add(f, "F", HPDF_String_New(pdf->mmgr, at->name, NULL));
        HPDF_Dict_Add(f, "UF", HPDF_String_New(pdf->mmgr, at->name, NULL));
        if (at->desc && *at->desc)
            HPDF_Dict_Add(f, "Desc", HPDF_String_New(pdf->mmgr, at->desc, utf8));
        HPDF_Array_Add(items, HPDF_String_New(pdf->mmgr, at->name, NULL));
        HPDF_Array_Add(items, f);
    }
}
