"""Click's own words in Indonesian: its usage errors (a missing argument, no such option, a bad
choice …) and the words of its help pages, keyed by the English text click passes to gettext.

``envtrack/cli/language.py`` gives click these words when the language is Indonesian; English is
click's own text. ``Error:`` stays as it is in both languages: it marks every refusal, the
application's and click's alike, and scripts look for it. Every text click's modules pass to
gettext is here (``tests/cli/test_help_language.py`` reads them from click's source), so that a
click upgrade with new words shows up as a failing test rather than as English.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # -- help pages --------------------------------------------------------------------------------
    "Usage:": "Pemakaian:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Positional arguments": "Argumen posisi",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "required": "wajib",
    "deprecated": "usang",
    "(dynamic)": "(dinamis)",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Do you want to continue?": "Lanjutkan?",
    "Confirm the action without prompting.": "Setujui tindakan tanpa ditanya.",
    "Aborted!": "Dibatalkan!",
    # -- usage errors ------------------------------------------------------------------------------
    "Error: {message}": "Error: {message}",
    "Missing command.": "Perintah belum diberikan.",
    "Missing argument": "Argumen belum diberikan",
    "Missing option": "Opsi belum diberikan",
    "Missing parameter": "Parameter belum diberikan",
    "Missing parameter: {param_name}": "Parameter belum diberikan: {param_name}",
    "Missing {param_type}": "{param_type} belum diberikan",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Got unexpected extra argument ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} menerima {nargs} nilai.",
    "Takes {nargs} values but 1 was given.": "Menerima {nargs} nilai tetapi 1 yang diberikan.",
    "Takes {nargs} values but {len} were given.": "Menerima {nargs} nilai tetapi {len} yang diberikan.",
    "{len_type} values are required, but {len_value} was given.": "{len_type} nilai diperlukan, tetapi {len_value} yang diberikan.",
    "{len_type} values are required, but {len_value} were given.": "{len_type} nilai diperlukan, tetapi {len_value} yang diberikan.",
    "Invalid start character for option ({option})": "Karakter awal opsi tidak sah ({option})",
    "Value must be an iterable.": "Nilainya harus berupa daftar.",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "Choice({choices})": "Pilihan({choices})",
    "{value!r} does not match the format {format}.": "{value!r} tidak sesuai format {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} tidak sesuai format {formats}.",
    "{value} is not in the range {range}.": "{value} tidak dalam rentang {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} bukan ya/tidak yang sah. Nilai yang dikenal: {states}",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value!r} is not a valid UUID.": "{value!r} bukan UUID yang sah.",
    "file": "berkas",
    "directory": "direktori",
    "path": "path",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah direktori.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulis.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "unknown error": "kesalahan tak dikenal",
    # -- mistakes in a command's definition (never shown to a user of a finished envtrack) -------
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "DeprecationWarning: perintah {name!r} sudah usang.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "DeprecationWarning: {param_type} {name!r} sudah usang.{extra_message}",
    "Could not determine name for option with declarations {decls!r}":
        "Nama opsi dengan deklarasi {decls!r} tidak dapat ditentukan",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?":
        "Tidak ada opsi yang didefinisikan tetapi sebuah nama diberikan ({name}). Maksudnya argumen? "
        "Atau '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Argumen menerima tepat satu deklarasi parameter, diberikan {length}: {decls}.",
    "Name '{name}' defined twice": "Nama '{name}' didefinisikan dua kali",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Opsi ya/tidak {decl!r} tidak dapat memakai tanda yang sama untuk ya dan tidak.",
}

METAVARS: dict[str, dict[str, str]] = {
    # what click writes on a usage line for "some options" and "a command and its arguments"
    "options": {"en": "[OPTIONS]", "id": "[OPSI]"},
    "subcommand": {"en": "COMMAND [ARGS]...", "id": "PERINTAH [ARGUMEN]..."},
}
