# The template's instruction left in duties.txt, after the text.
printf '其主要职责是：（根据实际情况填写）\n' >input/2021/duties.txt
