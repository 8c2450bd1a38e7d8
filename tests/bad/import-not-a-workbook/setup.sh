# config.ini (an INI file) given as the workbook.
