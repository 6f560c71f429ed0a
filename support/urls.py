from django.urls import path

from support import views

app_name = "support"

urlpatterns = [
    path("", views.request_form, name="request"),
    path("demande-recue/", views.received, name="received"),
]
