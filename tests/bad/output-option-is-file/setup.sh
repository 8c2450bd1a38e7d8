# The output folder comes from -o (see command) and is a file: the message
# says -o instead of a config line.
:
