# 실습 준비: cleaning up everything the guide made
docker ps -a
docker system df
