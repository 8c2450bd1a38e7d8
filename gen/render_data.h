/*
 * render_data — open data: the figures behind the document as files
 * (docs/open-data.md).  Stage: render.  Input: the document model (doc.h:
 * every table's cells, their printed text and exact values) and the config
 * (department, year, output folder and name).  Output, in the folder
 * <dir>/<name>.data/, written under temporary names (outfile.h) for main.c
 * to publish together with the PDF and the workbook:
 *   datapackage.json    a Frictionless Tabular Data Package describing them
 *   facts.csv           every amount of every table, one per line
 *   table-NN-ID.csv     one per printed table, as printed
 * The CSV files are UTF-8 with a BOM and CRLF line ends.  The same files
 * are listed in dm->attach, so the PDF carries them (pdf_attach.c).
 * Renderers never read CSV input: everything comes from the document.
 */
#ifndef GEN_RENDER_DATA_H
#define GEN_RENDER_DATA_H

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "doc.h"
#include "outfile.h"

/* The header of facts.csv (also what portal.c expects when it gathers the
 * departments' facts into the bureau's facts.csv). */
#define DATA_FACTS_HEADER                                                                      \
    "department,year,kind,phase,table_no,table,row,row_kind,code,level,classification,name,"  \
    "column,amount,unit,amount_fen"
/* The data folder's name: <name> DATA_DIR_SUFFIX. */
#define DATA_DIR_SUFFIX ".data"

typedef struct data_set {
    size_t n;           /* files */
    outfile *of;        /* n temporary files, until published */
    const char **names; /* their names in the folder, sorted (bytes) */
    int dirfd;          /* the data folder; -1 when not open */
    const char *dir;    /* <dir>/<name>.data (messages) */
    int parentfd;       /* the output folder */
    const char *sub;    /* <name>.data */
    int created;        /* this run made the folder: removed again if empty */
} data_set;

/* Writes the data files as temporary files in <od>/<name>.data (created,
 * one level, when missing; a symbolic link there is refused), complete and
 * synced, and points dm->attach at them.  Returns 0, or -1 after reporting
 * (nothing left behind). */
int render_data_tmp(arena *a, diag *d, const config *c, doc *dm, const outdir *od,
                    data_set *ds);

/* After publishing: removes the folder's table-*.csv files that the new
 * package no longer lists (a table dropped from the template). */
void render_data_prune(data_set *ds);

/* Removes the temporary files not published and closes the folder.  Safe
 * on a zeroed data_set with dirfd -1. */
void render_data_close(data_set *ds);

#endif
