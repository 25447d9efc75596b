# Production image: builds the app, then serves dist/ with nginx and the
# repository's nginx.conf (COOP/COEP on every response, correct MIME types,
# cache rules). Build and run:
#   docker build -t ml-notebook .
#   docker run --rm -p 8080:8080 ml-notebook     # then open http://localhost:8080

FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM nginx:stable
COPY nginx.conf /etc/nginx/nginx.conf
COPY --from=build /app/dist /usr/share/nginx/html
# nginx.conf keeps its pid file, temp files and port (8080) where an
# unprivileged user may write and bind.
USER nginx
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
